// The network edge of @openclaw/whatsapp, replaced: everything is real Baileys except the socket
// (makeWASocket) and the version fetch (fetchLatestBaileysVersion), which would reach WhatsApp.
// Control files under $FAKE_WA_DIR (see openclaw-harness.ts):
//   inbox/*.json  -> {"from":"15551234567","text":"sessions"} emitted as messages.upsert (then deleted);
//                    {"from":…,"message":{"reactionMessage":{…}}} sends that message body instead
//   sent.jsonl    <- one line per sock.sendMessage(jid, content, options)
//   calls.jsonl   <- every other socket method called, plus <open>/<inject> markers
export * from "baileys";
import { EventEmitter } from "node:events";
import { appendFileSync, mkdirSync, readdirSync, readFileSync, unlinkSync } from "node:fs";
import { join } from "node:path";

const DIR = process.env.FAKE_WA_DIR;
if (!DIR) throw new Error("fake-baileys: FAKE_WA_DIR is not set");
const SELF = (process.env.FAKE_WA_SELF || "15550000000").replace(/\D/g, "");
mkdirSync(join(DIR, "inbox"), { recursive: true });
const rec = (file, obj) => appendFileSync(join(DIR, file), JSON.stringify({ t: Date.now(), ...obj }) + "\n");
const safe = (v) => { try { return JSON.parse(JSON.stringify(v)); } catch { return String(v); } };
let seq = 0;

export async function fetchLatestBaileysVersion() {
  return { version: [2, 3000, 1027934701], isLatest: true };
}

export function makeWASocket(config) {
  const ev = new EventEmitter();
  ev.setMaxListeners(200);
  ev.process = (handler) => { const f = (e) => handler(e); ev.on("__all", f); return () => ev.off("__all", f); };
  ev.buffer = () => {}; ev.flush = () => false; ev.isBuffering = () => false;
  const ws = new EventEmitter();
  ws.isClosed = false; ws.isOpen = true; ws.isConnecting = false; ws.isClosing = false;
  ws.close = async () => { if (!ws.isClosed) { ws.isClosed = true; ws.isOpen = false; ws.emit("close"); } };
  let timer;
  const base = {
    type: "md", ev, ws, authState: config?.auth,
    user: { id: `${SELF}:1@s.whatsapp.net`, name: "Fake Bot" },
    signalRepository: { lidMapping: {
      getPNForLID: async () => null, getLIDForPN: async () => null, storeLIDPNMappings: async () => {},
      getLIDsForPNs: async () => [], getPNsForLIDs: async () => [] } },
    async sendMessage(jid, content, options) {
      const id = `FAKEOUT${++seq}`;
      rec("sent.jsonl", { jid, content: safe(content), options: options ? Object.keys(options) : undefined, id });
      return { key: { remoteJid: jid, fromMe: true, id }, message: content?.text ? { conversation: content.text } : {},
        messageTimestamp: Math.floor(Date.now() / 1000), status: 1 };
    },
    async groupFetchAllParticipating() { return {}; },
    async groupMetadata(jid) { return { id: jid, subject: "fake", participants: [] }; },
    async onWhatsApp(...jids) { return jids.flat().map((jid) => ({ jid, exists: true })); },
    end(err) {
      clearInterval(timer);
      if (ws.isClosed) return;
      ws.isClosed = true; ws.isOpen = false; ws.emit("close");
      ev.emit("connection.update", { connection: "close", lastDisconnect: { error: err, date: new Date() } });
    },
    async logout() { base.end(new Error("logout")); },
  };
  const sock = new Proxy(base, {
    get(target, prop) {
      if (prop in target || typeof prop === "symbol" || prop === "then") return target[prop];
      return async (...args) => { rec("calls.jsonl", { method: prop, args: safe(args) }); return undefined; };
    },
  });
  setTimeout(() => {
    ev.emit("connection.update", { connection: "connecting" });
    ev.emit("connection.update", { connection: "open" });
    rec("calls.jsonl", { method: "<open>" });
  }, 50);
  timer = setInterval(() => {
    let files = [];
    try { files = readdirSync(join(DIR, "inbox")).filter((f) => f.endsWith(".json")).sort(); } catch {}
    for (const f of files) {
      const p = join(DIR, "inbox", f);
      let m;
      try { m = JSON.parse(readFileSync(p, "utf8")); unlinkSync(p); } catch { continue; }
      const msg = {
        key: { remoteJid: m.remoteJid ?? `${String(m.from).replace(/\D/g, "")}@s.whatsapp.net`, fromMe: !!m.fromMe,
          id: m.id ?? `FAKEIN${Date.now()}${++seq}` },
        // `message` as given (e.g. a reactionMessage on an approval prompt), else a plain text.
        message: m.message ?? { conversation: m.text },
        messageTimestamp: Math.floor(Date.now() / 1000),
        pushName: m.pushName ?? "Tester",
      };
      rec("calls.jsonl", { method: "<inject messages.upsert>", msg });
      ev.emit("messages.upsert", { messages: [msg], type: "notify" });
    }
  }, 100);
  return sock;
}
export default makeWASocket;
