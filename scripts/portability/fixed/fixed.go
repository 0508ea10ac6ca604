// Fixed query values, go client: call Login and GetServiceDomain without V(...) or Version(...)
// and write the URL each call hands to the transport (nothing is sent: the recording transport
// answers itself). Usage: ./fixed OUT -> {operationId: {url} or {error}}.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"os"

	lptpb "github.com/lptpb/portable"
)

type recorder struct{ urls []string }

func (r *recorder) RoundTrip(req *http.Request) (*http.Response, error) {
	r.urls = append(r.urls, req.URL.String())
	return nil, errors.New("recorded")
}

func main() {
	rec := &recorder{}
	cfg := lptpb.NewConfiguration()
	cfg.HTTPClient = &http.Client{Transport: rec}
	client := lptpb.NewAPIClient(cfg)
	ctx := context.Background()
	var login lptpb.LoginRequest
	if err := json.Unmarshal([]byte(`{"authType": "USER_PASS",
		"credentials": {"username": "u", "password": "p"}}`), &login); err != nil {
		panic(err)
	}
	calls := map[string]func() error{
		"login": func() error {
			_, _, err := client.AuthenticationAPI.Login(ctx, "123").LoginRequest(login).Execute()
			return err
		},
		"getServiceDomain": func() error {
			_, _, err := client.DomainAPI.GetServiceDomain(ctx, "123", "thirdPartyBots").Execute()
			return err
		},
	}
	out := map[string]map[string]string{}
	for name, call := range calls {
		rec.urls = nil
		err := call()
		switch {
		case len(rec.urls) > 0:
			out[name] = map[string]string{"url": rec.urls[len(rec.urls)-1]}
		case err != nil:
			out[name] = map[string]string{"error": err.Error()}
		default:
			out[name] = map[string]string{"error": "no request built"}
		}
	}
	data, err := json.Marshal(out)
	if err != nil {
		panic(err)
	}
	if err := os.WriteFile(os.Args[1], data, 0o644); err != nil {
		panic(err)
	}
}
