// Fixed query values, java (native) client: call login and getServiceDomain without `v` or
// `version` and write the URI each call builds (nothing is sent: the request interceptor records
// the URI and stops the call). Usage: java FixedValues OUT -> {operationId: {url} or {error}}.
// The methods are found by name, so the program compiles whether or not the generator kept the
// parameter; the caller's values go to the leading String parameters, null to any other.
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openapitools.client.ApiClient;
import org.openapitools.client.JSON;
import org.openapitools.client.api.AuthenticationApi;
import org.openapitools.client.api.DomainApi;
import org.openapitools.client.model.LoginRequest;

public class FixedValues {
  static final class Recorded extends RuntimeException {
    Recorded() { super("recorded"); }
  }

  static Object call(Object api, String name, Object body, String... given) throws Exception {
    for (Method m : api.getClass().getMethods()) {
      Class<?>[] types = m.getParameterTypes();
      if (!m.getName().equals(name) || (types.length > 0 && types[types.length - 1] == Map.class)) {
        continue;
      }
      Object[] args = new Object[types.length];
      int next = 0;
      for (int i = 0; i < types.length; i++) {
        if (types[i] == String.class) {
          args[i] = next < given.length ? given[next++] : null;
        } else if (body != null && types[i].isInstance(body)) {
          args[i] = body;
        }
      }
      return m.invoke(api, args);
    }
    throw new NoSuchMethodException(name);
  }

  public static void main(String[] argv) throws Exception {
    ObjectMapper mapper = new JSON().getMapper();
    List<String> uris = new ArrayList<>();
    ApiClient client = new ApiClient();
    client.updateBaseUri("http://127.0.0.1:9");
    client.setRequestInterceptor(builder -> {
      uris.add(builder.build().uri().toString());
      throw new Recorded();
    });
    LoginRequest login = mapper.readValue(
        "{\"authType\": \"USER_PASS\", \"credentials\": {\"username\": \"u\", \"password\": \"p\"}}",
        LoginRequest.class);
    Map<String, Map<String, String>> out = new LinkedHashMap<>();
    String[] names = {"login", "getServiceDomain"};
    for (String name : names) {
      uris.clear();
      String error = "no request built";
      try {
        if (name.equals("login")) {
          call(new AuthenticationApi(client), "login", login, "123");
        } else {
          call(new DomainApi(client), "getServiceDomain", null, "123", "thirdPartyBots");
        }
      } catch (InvocationTargetException e) {
        error = String.valueOf(e.getCause());
      }
      out.put(name, uris.isEmpty() ? Map.of("error", error) : Map.of("url", uris.get(uris.size() - 1)));
    }
    mapper.writeValue(new File(argv[0]), out);
  }
}
