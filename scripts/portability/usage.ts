// Uses the TypeScript types that openapi-typescript generates from openapi.yaml, the way another
// team would. `make portability` type-checks this file with `tsc --strict`; it never runs.
// `./openapi` is the generated openapi.d.ts, written beside a copy of this file in build/.
import type { components, operations, paths } from "./openapi";

type Schemas = components["schemas"];

// --------------------------------------------------------------- a send-messages body
// Every kind of message item: plain text, a pause, a private text, structured content with
// metadata, and quick replies.
const body: Schemas["SendMessagesRequest"] = {
  context: { intentId: "greeting", intentName: "Greeting", confidenceScore: 0.93 },
  messages: [
    "Hello! How can I help?",
    { delay: 2 },
    { text: "Customer asked for a refund.", messageAudience: "AGENTS_AND_MANAGERS" },
    {
      structuredContent: {
        type: "vertical",
        elements: [
          { type: "text", text: "Your order", style: { bold: true } },
          {
            type: "button",
            title: "Track it",
            click: { actions: [{ type: "link", name: "Track", uri: "https://example.com/track" }] },
          },
        ],
      },
      metadata: [{ type: "ExternalId", id: "order-42" }],
    },
    {
      structuredContent: {
        quickReplies: {
          type: "quickReplies",
          itemsPerRow: 2,
          replies: [
            { type: "button", title: "Yes", click: { actions: [{ type: "publishText", text: "yes" }] } },
            { type: "button", title: "No", click: { actions: [{ type: "publishText", text: "no" }] } },
          ],
        },
        message: "Did that help?",
      },
    },
  ],
};

// The operation's request body is that same named component.
type SendMessagesBody =
  operations["sendMessages"]["requestBody"]["content"]["application/json"];
export const sent: SendMessagesBody = body;

// The path-keyed view agrees with the operation-keyed one.
type TtrPost = paths["/api/v1/account/{accountId}/conversation/{conversationId}/ttr"]["post"];
export const urgent: TtrPost["requestBody"]["content"]["application/json"] = { ttrType: "URGENT" };
export const ttl: NonNullable<TtrPost["parameters"]["query"]>["ttl"] = 30;

// --------------------------------------------------------------- reading a Command
type Command = Schemas["Command"];
type GetCommandOk = operations["getCommand"]["responses"][200]["content"]["application/json"];

export function describe(command: GetCommandOk): string {
  const result = command.result; // null while the command waits
  switch (command.state) {
    case "waiting":
      return `command ${command.id} waits`;
    case "completed":
      return `command ${command.id} ran in ${result?.executionTime ?? 0} ms`;
    case "failed":
      return `command ${command.id} failed: ${result?.error?.name ?? "unknown"}`;
    default: {
      // Exhaustive: a state added to the contract makes this line fail to compile.
      const unknownState: never = command.state;
      return unknownState;
    }
  }
}

export const listed: Command[] = [
  {
    id: "21",
    state: "completed",
    data: { type: "messages", payload: [{ type: "text", payload: "Hi", metadata: [] }] },
    result: { startTime: 1700000000000, endTime: 1700000000150, executionTime: 150 },
  },
  { id: "22", state: "waiting", data: { type: "sdes", payload: {} }, result: null },
];
export const summaries: string[] = listed.map(describe);
export const first: Command | undefined = listed[0]; // noUncheckedIndexedAccess

// --------------------------------------------------------------- what the contract refuses
// Each line must be a type error; `@ts-expect-error` fails the check if it is not.

// @ts-expect-error The retired TTR type CUSTOM is refused.
export const custom: Schemas["SetTtrRequest"] = { ttrType: "CUSTOM" };

// @ts-expect-error The private-text audience is case-sensitive.
export const audience: Schemas["PrivateTextMessage"] = { text: "x", messageAudience: "agents" };

// @ts-expect-error Requests are closed: a misspelt field is an error before sending.
export const join: Schemas["JoinConversationRequest"] = { agentId: "bot-1", agentMesage: "hi" };

// @ts-expect-error A pause needs its delay.
export const pause: Schemas["PauseMessage"] = { typing: false };

// @ts-expect-error A command's state is one of three.
export const state: Command["state"] = "expired";
