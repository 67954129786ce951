// ESM resolve hook: when the WhatsApp plugin imports "baileys", hand it fake-baileys.mjs instead.
// fake-baileys.mjs itself re-exports the real "baileys" (resolved as if from the WhatsApp plugin).
const FAKE_URL = new URL("./fake-baileys.mjs", import.meta.url).href;
let whatsappParent;
export async function resolve(specifier, context, next) {
  if (specifier === "baileys" && context.parentURL) {
    if (context.parentURL.startsWith(FAKE_URL)) {
      return next(specifier, { ...context, parentURL: whatsappParent });
    }
    if (context.parentURL.includes("/@openclaw/whatsapp/")) {
      whatsappParent = context.parentURL;
      return { url: FAKE_URL, shortCircuit: true };
    }
  }
  return next(specifier, context);
}
