// Loaded into OpenClaw's Node 24 process with NODE_OPTIONS="--import=<this file>".
// Installs hooks.mjs, which hands @openclaw/whatsapp a fake Baileys socket (fake-baileys.mjs).
import { register } from "node:module";

register("./hooks.mjs", import.meta.url);
