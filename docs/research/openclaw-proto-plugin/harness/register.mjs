// node --import /path/to/register.mjs  (or NODE_OPTIONS="--import=/path/to/register.mjs")
import { register } from "node:module";
register("./hooks.mjs", import.meta.url);
