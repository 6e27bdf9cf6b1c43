// The official MCP TypeScript SDK client against the packaged example server (MCP_URL), with a token
// for three tools (MCP_TOKEN): what it lists, a call's result, a tool failure, and a job acknowledged
// then finished through its status tool. Prints "mcp-client: N passed, M failed" and exits non-zero on
// a failure.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";

const url = new URL(process.env.MCP_URL);
const token = process.env.MCP_TOKEN;
let passed = 0;
let failed = 0;

function check(what, ok, detail) {
  if (ok) {
    passed++;
    console.log(`ok   ${what}`);
  } else {
    failed++;
    console.log(`FAIL ${what}: ${detail}`);
  }
}

async function connect(headers) {
  const client = new Client({ name: "toolwire-ci", version: "1.0.0" });
  await client.connect(new StreamableHTTPClientTransport(url, { requestInit: { headers } }));
  return client;
}

const text = (result) => result.content.filter((c) => c.type === "text").map((c) => c.text).join("\n");

try {
  const client = await connect({ Authorization: `Bearer ${token}` });

  const names = (await client.listTools()).tools.map((t) => t.name).sort();
  const expected = ["generate_account_report", "generate_account_report_status", "lookup_customer"];
  check("the token's tools, and only those, are listed", JSON.stringify(names) === JSON.stringify(expected),
    JSON.stringify(names));

  const found = await client.callTool({ name: "lookup_customer", arguments: { phone_number: "+971501234567" } });
  check("lookup_customer answers the customer", !found.isError && found.structuredContent?.customer_id === "CUST-1001",
    JSON.stringify(found));

  const bad = await client.callTool({ name: "lookup_customer", arguments: { phone_number: "12" } });
  check("a bad phone is a tool error with a sentence to say", bad.isError === true && /phone_number/.test(text(bad)),
    JSON.stringify(bad));

  const started = await client.callTool({ name: "generate_account_report",
    arguments: { account_id: "ACC-5001", report_type: "summary" } });
  const ack = JSON.parse(text(started));
  check("generate_account_report acknowledges the job", !started.isError && typeof ack.job_id === "string",
    text(started));

  let status;
  for (let i = 0; i < 40; i++) {
    const answer = await client.callTool({ name: "generate_account_report_status", arguments: { job_id: ack.job_id } });
    status = JSON.parse(text(answer));
    if (status.status !== "running") break;
    await new Promise((r) => setTimeout(r, 250));
  }
  check("its status tool reports the finished report", status?.status === "done", JSON.stringify(status));
  await client.close();

  let refused;
  try {
    await connect({});
  } catch (e) {
    refused = e;
  }
  check("a client without a token is refused with 401", refused !== undefined && (refused.code === 401 || /\b401\b/.test(String(refused))),
    `${String(refused)} (code ${refused?.code})`);
} catch (e) {
  check("the MCP session", false, e?.stack ?? String(e));
}

console.log(`mcp-client: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
