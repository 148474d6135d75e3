/** zh-CN UI catalogue, in the words of GLOSSARY.md. Same keys as en.ts (checked by the compiler). */
import type { MessageKey } from './en';
export declare const zhCN: Record<MessageKey, string>;
