// Fixed query values, typescript-fetch client: call login and getServiceDomain without `v` or
// `version` and write the URL each call hands to fetch (nothing is sent: the recording fetch
// answers itself). Usage: node fixed.js OUT -> {operationId: {url} or {error}}.
import * as fs from 'fs';
import { AuthenticationApi, Configuration, DomainApi, LoginRequestFromJSON } from './index';

const urls: string[] = [];
const recording: typeof fetch = async (input) => {
  urls.push(String(input));
  throw new Error('recorded');
};
const config = new Configuration({ basePath: 'http://127.0.0.1:9', fetchApi: recording });
const login = LoginRequestFromJSON({
  authType: 'USER_PASS',
  credentials: { username: 'u', password: 'p' },
});
// The casts leave out what the caller should not have to pass; the typed request needs it.
const calls: Record<string, () => Promise<unknown>> = {
  login: () =>
    new AuthenticationApi(config).login({ accountId: '123', loginRequest: login } as never),
  getServiceDomain: () =>
    new DomainApi(config).getServiceDomain({
      accountId: '123',
      serviceName: 'thirdPartyBots',
    } as never),
};

async function main(): Promise<void> {
  const out: Record<string, { url?: string; error?: string }> = {};
  for (const [name, call] of Object.entries(calls)) {
    urls.length = 0;
    try {
      await call();
      out[name] = { error: 'no request built' };
    } catch (e) {
      out[name] = urls.length ? { url: urls[urls.length - 1]! } : { error: String(e).slice(0, 500) };
    }
  }
  fs.writeFileSync(process.argv[2]!, JSON.stringify(out));
}

void main();
