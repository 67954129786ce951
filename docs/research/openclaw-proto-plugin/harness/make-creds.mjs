// Writes a "linked" Baileys creds.json so the WhatsApp plugin believes an account is paired.
// Usage: node make-creds.mjs AUTH_DIR SELF_NUMBER   (run with NODE_PATH unset; resolves baileys from argv[4])
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createRequire } from "node:module";
const [authDir, self, baileysDir] = process.argv.slice(2);
const { initAuthCreds, BufferJSON } = await import(join(baileysDir, "lib/index.js"));
const creds = initAuthCreds();
creds.me = { id: `${self}:1@s.whatsapp.net`, name: "Fake Bot" };
creds.registered = true;
mkdirSync(authDir, { recursive: true });
writeFileSync(join(authDir, "creds.json"), JSON.stringify(creds, BufferJSON.replacer));
console.log("wrote", join(authDir, "creds.json"));
