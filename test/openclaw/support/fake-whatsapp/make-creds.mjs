// Writes a "linked" Baileys creds.json, so the WhatsApp plugin believes an account is paired.
// Usage: node make-creds.mjs AUTH_DIR SELF_NUMBER BAILEYS_PACKAGE_DIR
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const [authDir, self, baileysDir] = process.argv.slice(2);
if (!authDir || !self || !baileysDir) throw new Error("usage: make-creds.mjs AUTH_DIR SELF_NUMBER BAILEYS_PACKAGE_DIR");
const { initAuthCreds, BufferJSON } = await import(pathToFileURL(join(baileysDir, "lib/index.js")).href);
const creds = initAuthCreds();
const digits = self.replace(/\D/g, "");
creds.me = { id: `${digits}:1@s.whatsapp.net`, name: "Fake Bot" };
creds.registered = true;
mkdirSync(authDir, { recursive: true });
writeFileSync(join(authDir, "creds.json"), JSON.stringify(creds, BufferJSON.replacer));
