// Round trip for openapi-generator's typescript-fetch client: decode every case with the
// model's FromJSON, encode it again with its ToJSON. Usage: node roundtrip.js CASES OUT
import * as fs from 'fs';
import * as models from './models/index';

type Case = { id: string; schema: string; value: unknown };
const table = models as unknown as Record<string, (json: unknown) => unknown>;
const cases = JSON.parse(fs.readFileSync(process.argv[2]!, 'utf-8')) as Case[];
const out: Record<string, unknown> = {};
for (const c of cases) {
  try {
    const from = table[`${c.schema}FromJSON`];
    const to = table[`${c.schema}ToJSON`];
    // A free-form object has no model: the client takes and gives the plain object.
    const value = from === undefined || to === undefined ? c.value : to(from(c.value));
    // ToJSON returns the wire object; a JSON text round trip drops `undefined` members.
    out[c.id] = JSON.parse(JSON.stringify(value) ?? 'null');
  } catch (e) {
    out[c.id] = { error: String(e).slice(0, 500) };
  }
}
fs.writeFileSync(process.argv[3]!, JSON.stringify(out));
