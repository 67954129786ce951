// ESM resolve hook: when the WhatsApp channel plugin (@openclaw/whatsapp) imports "baileys", answer
// with fake-baileys.mjs. fake-baileys.mjs re-exports the real "baileys", resolved as if imported by
// the WhatsApp plugin, so everything but the network socket is the real library.
const FAKE_URL = new URL("./fake-baileys.mjs", import.meta.url).href;
let whatsappParent;

export async function resolve(specifier, context, next) {
  if (specifier === "baileys" && context.parentURL) {
    if (context.parentURL.startsWith(FAKE_URL)) {
      return next(specifier, { ...context, parentURL: whatsappParent ?? context.parentURL });
    }
    if (context.parentURL.includes("/@openclaw/whatsapp/")) {
      whatsappParent = context.parentURL;
      return { url: FAKE_URL, shortCircuit: true };
    }
  }
  return next(specifier, context);
}
