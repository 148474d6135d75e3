/**
 * PBX call semantics, one classifier for every CDR layout (Asterisk cdr_csv / cdr_custom,
 * FreePBX / Issabel / MySQL `cdr` exports, FreeSWITCH, and exports that only carry a caller and a
 * callee number). A PBX knows nothing of agents: it logs endpoints. Which endpoints are the
 * floor's extensions and which are trunks to the outside is LEARNED from a sample of the file,
 * not from how they are named (a provider trunk may be called `SIP/211474`, an agent's phone
 * `PJSIP/client1`):
 *
 * - an endpoint that places calls with an external caller number (E.164 or national, 7+ digits)
 *   is a trunk; one that places calls with a short caller number (a 2-6 digit extension, or its
 *   own name) is an extension;
 * - an endpoint that receives, from an extension, calls to an external number is a trunk; one
 *   that receives calls from outside or from an extension to a short number is an extension.
 *
 * Each row (leg) is then one of these kinds. Only `outbound` is a dial: an extension (or a
 * `Local/` leg placed for one, as click-to-call does) reaching an external number; the agent is
 * that extension, the talk and answer are that leg's. `inbound`: from outside; its agent is the
 * extension that answered (none when nobody did). Internal calls, feature codes (`*97`),
 * voicemail, conferences, queues reached from an extension, IVR-only calls and `Local/` plumbing
 * are counted by kind and stored as no call.
 *
 * The user may name which endpoints are agents (with their 工号): a code makes an endpoint an
 * extension of that agent, '' makes it no agent (a trunk). Learning reads a bounded sample; each
 * row then costs a few regex tests and map lookups.
 */
import { matchColumns } from './preset';

/** The PBX columns the classifier reads (Asterisk's names; other layouts map theirs onto them). */
export const PBX_FIELDS = [
  'src',
  'dst',
  'channel',
  'dstchannel',
  'lastapp',
  'duration',
  'billsec',
  'uniqueid',
  'linkedid',
] as const;
export type PbxField = (typeof PBX_FIELDS)[number];

export const CALL_KINDS = [
  'outbound',
  'inbound',
  'ivr',
  'queue',
  'conference',
  'voicemail',
  'feature',
  'internal',
  'local',
  // no PBX leg: a call an AI robot placed and no person took over (a preset's agentlessIsRobot)
  'robot',
] as const;
export type CallKind = (typeof CALL_KINDS)[number];

export type EndpointRole = 'extension' | 'trunk';

export interface PbxPlan {
  /** column index of each PBX field in the file */
  columns: Partial<Record<PbxField, number>>;
  /** learned role of each endpoint seen in the sample, by endpoint name (`PJSIP/201`) */
  roles: Record<string, EndpointRole>;
  /** the extension number each named extension calls from (`PJSIP/client1` → `201`) */
  numbers: Record<string, string>;
  /** the user's agent code per endpoint: a code = an agent's extension, '' = no agent */
  agents: Record<string, string>;
}

export interface LegClass {
  kind: CallKind;
  /** the agent of an outbound or inbound leg ('' for none) */
  agentCode: string;
  /** the customer's number ('' for none) */
  phone: string;
}

/** A classified leg with what every CDR layout derives alike: its call id and ring time. */
export interface PbxLeg extends LegClass {
  /** `linkedid` (legs of one call share it), else the leg's own `uniqueid`, else '' */
  callId: string;
  /** duration - billsec (start to answer), '' when the file has no such columns */
  ringSeconds: string;
}

/** What each PBX field is called in the files that carry it (compared like header names). */
const PBX_COLUMN_NAMES: Readonly<Record<PbxField, readonly string[]>> = {
  src: [
    'src',
    'caller_id_number',
    '主叫号码',
    '主叫',
    'caller',
    'calling number',
    'callingPartyNumber',
    'Caller Number',
  ],
  dst: [
    'dst',
    'destination_number',
    '被叫号码',
    '被叫',
    'callee',
    'called number',
    'finalCalledPartyNumber',
    'Callee Number',
  ],
  channel: ['channel'],
  dstchannel: ['dstchannel'],
  lastapp: ['lastapp'],
  duration: ['duration'],
  billsec: ['billsec'],
  uniqueid: ['uniqueid', 'uuid'],
  linkedid: ['linkedid', 'bleg_uuid'],
};

const EXTENSION_RE = /^\d{2,6}$/;
const EXTERNAL_RE = /^\+?\d{7,}$/;
/** a number the exporting system masked (`138****1234`): external, never an extension */
const MASKED_RE = /^\+?\d{2,}[*•xX]{2,}\d{2,}$/;
/** a long number a spreadsheet rewrote in scientific notation (`1.38E+10`) */
const SCIENTIFIC_RE = /^\d(?:\.\d+)?E\+?([6-9]|\d{2})$/i;
/** `TECH/peer-0000000a;1`: the endpoint is `TECH/peer` (the unique suffix and `;n` dropped) */
const CHANNEL_RE = /^([A-Za-z0-9_]+)\/(.+?)(?:-[0-9a-f]+)?(?:;\d+)?$/i;

const VOICEMAIL_APPS = new Set(['voicemail', 'voicemailmain', 'vm', 'vmauthenticate']);
const CONFERENCE_APPS = new Set(['confbridge', 'meetme', 'conference']);
const QUEUE_APPS = new Set(['queue', 'agentlogin', 'agentcallbacklogin']);
const IVR_APPS = new Set(['background', 'playback', 'read', 'waitexten', 'answer', 'hangup', 'ivr', 'goto']);

/** Cell text without separators: `+86 138-0013-8000` → `+8613800138000`. */
function compact(text: string): string {
  return text.trim().replace(/[\s\-().]/g, '');
}

/** An external number: E.164 or national (7+ digits), or one masked by the exporter. */
export function isExternalNumber(text: string): boolean {
  const t = compact(text);
  return EXTERNAL_RE.test(t) || MASKED_RE.test(t) || SCIENTIFIC_RE.test(text.trim());
}

export function isExtensionNumber(text: string): boolean {
  return EXTENSION_RE.test(compact(text));
}

/** The endpoint of a channel name: `PJSIP/201-0000000a` → `PJSIP/201`; `Local/…` → `Local`. */
export function endpointOf(channel: string): string {
  const m = CHANNEL_RE.exec(channel.trim());
  if (!m) return '';
  const tech = m[1]!;
  if (tech.toLowerCase() === 'local') return 'Local';
  // A dialled peer may carry its target: `PJSIP/13800138000@trunk` is the trunk `PJSIP/trunk`.
  const peer = m[2]!.includes('@') ? m[2]!.slice(m[2]!.indexOf('@') + 1) : m[2]!;
  return `${tech}/${peer}`;
}

/** The peer part of an endpoint: `PJSIP/201` → `201` (the default agent code of an extension). */
function peerOf(endpoint: string): string {
  return endpoint.slice(endpoint.indexOf('/') + 1);
}

/**
 * An endpoint's role: the user's naming first (a code = an agent's extension, '' = none), then
 * what the sample taught, then its name (a 2-6 digit peer or number is an extension).
 */
function endpointRole(plan: PbxPlan, endpoint: string): EndpointRole {
  const named = plan.agents[endpoint];
  if (named !== undefined) return named === '' ? 'trunk' : 'extension';
  const learned = plan.roles[endpoint];
  if (learned) return learned;
  return EXTENSION_RE.test(peerOf(endpoint)) ? 'extension' : 'trunk';
}

/** An extension's agent code before the user names one: the number it calls from, else its peer. */
function defaultAgentCode(plan: PbxPlan, endpoint: string): string {
  return plan.numbers[endpoint] ?? peerOf(endpoint);
}

/** The PBX columns of a file, by its column names (header or a layout's documented names). */
export function pbxColumns(columnNames: readonly string[]): Partial<Record<PbxField, number>> {
  return matchColumns<PbxField>(columnNames, { columns: PBX_COLUMN_NAMES, required: [] }).columns;
}

interface Evidence {
  extension: number;
  trunk: number;
}

/**
 * Learns the endpoints' roles from sample rows (the first few thousand: bounded). Only channel
 * endpoints are learned; a file of bare numbers needs no learning (short = extension).
 */
export function learnPbx(
  columns: Partial<Record<PbxField, number>>,
  rows: Iterable<readonly string[]>,
  agents: Record<string, string> = {},
): PbxPlan {
  const evidence = new Map<string, Evidence>();
  const callerNumbers = new Map<string, Map<string, number>>();
  const bump = (endpoint: string, role: EndpointRole) => {
    if (endpoint === '' || endpoint === 'Local') return;
    const e = evidence.get(endpoint) ?? { extension: 0, trunk: 0 };
    e[role]++;
    evidence.set(endpoint, e);
  };
  const at = (row: readonly string[], field: PbxField) => {
    const index = columns[field];
    return index === undefined ? '' : (row[index] ?? '').trim();
  };
  for (const row of rows) {
    const caller = endpointOf(at(row, 'channel'));
    const callee = endpointOf(at(row, 'dstchannel'));
    const src = at(row, 'src');
    const dst = at(row, 'dst');
    const fromOutside = isExternalNumber(src);
    const fromInside = isExtensionNumber(src) || (caller !== '' && src === peerOf(caller));
    if (fromOutside) bump(caller, 'trunk');
    else if (fromInside) bump(caller, 'extension');
    if (caller !== '' && caller !== 'Local' && isExtensionNumber(src)) {
      const counts = callerNumbers.get(caller) ?? new Map<string, number>();
      counts.set(src, (counts.get(src) ?? 0) + 1);
      callerNumbers.set(caller, counts);
    }
    // The far side of a call from outside is ours; of a call from inside, it is what was dialled.
    if (fromOutside) bump(callee, 'extension');
    else if (fromInside) bump(callee, isExternalNumber(dst) ? 'trunk' : 'extension');
  }
  const roles: Record<string, EndpointRole> = {};
  for (const [endpoint, e] of evidence) roles[endpoint] = e.trunk > e.extension ? 'trunk' : 'extension';
  const numbers: Record<string, string> = {};
  for (const [endpoint, counts] of callerNumbers) {
    if (roles[endpoint] !== 'extension') continue;
    numbers[endpoint] = [...counts].reduce((best, c) => (c[1] > best[1] ? c : best))[0];
  }
  return { columns, roles, numbers, agents };
}

/**
 * Classifies rows with a learned plan. Returns a function (reused row after row) so the hot path
 * allocates one small object per row.
 */
export function pbxClassifier(plan: PbxPlan): (row: readonly string[]) => PbxLeg {
  const classify = legClassifier(plan);
  const at = (row: readonly string[], field: PbxField) => {
    const index = plan.columns[field];
    return index === undefined ? '' : (row[index] ?? '').trim();
  };
  return (row) => {
    const leg = classify(row);
    const duration = at(row, 'duration');
    const billsec = Number(at(row, 'billsec'));
    const ring = duration === '' || !Number.isFinite(billsec) ? NaN : Number(duration) - billsec;
    return {
      ...leg,
      callId: at(row, 'linkedid') || at(row, 'uniqueid'),
      ringSeconds: Number.isFinite(ring) ? String(Math.max(0, ring)) : '',
    };
  };
}

function legClassifier(plan: PbxPlan): (row: readonly string[]) => LegClass {
  const { columns, numbers, agents } = plan;
  const endpointByNumber = new Map(Object.entries(numbers).map(([endpoint, n]) => [n, endpoint]));
  const at = (row: readonly string[], field: PbxField) => {
    const index = columns[field];
    return index === undefined ? '' : (row[index] ?? '').trim();
  };
  const hasChannels = columns.channel !== undefined;

  /** An endpoint's role; `none` when the leg has no such side. */
  const roleOf = (endpoint: string): EndpointRole | 'local' | 'none' => {
    if (endpoint === '') return 'none';
    if (endpoint === 'Local') return 'local';
    return endpointRole(plan, endpoint);
  };
  const agentOf = (endpoint: string) => agents[endpoint] || defaultAgentCode(plan, endpoint);
  /** the agent a click-to-call leg was placed for: the extension calling from that number */
  const agentOfNumber = (number: string) => {
    const endpoint = endpointByNumber.get(compact(number));
    return endpoint ? agentOf(endpoint) : agents[compact(number)] || compact(number);
  };
  /** A bare number's role: extensions are short; the user may name one as an agent or not. */
  const numberRole = (number: string): EndpointRole | 'none' => {
    const n = compact(number);
    const named = agents[n];
    if (named !== undefined) return named === '' ? 'trunk' : 'extension';
    if (EXTENSION_RE.test(n)) return 'extension';
    return isExternalNumber(number) ? 'trunk' : 'none';
  };

  return (row) => {
    const src = at(row, 'src');
    const dst = at(row, 'dst');
    const app = at(row, 'lastapp').toLowerCase();
    if (!hasChannels) return classifyNumbers(src, dst, numberRole, (n) => agents[compact(n)] || compact(n));

    const callerEnd = endpointOf(at(row, 'channel'));
    const calleeEnd = endpointOf(at(row, 'dstchannel'));
    const caller = roleOf(callerEnd);
    const callee = roleOf(calleeEnd);

    if (caller === 'trunk') {
      if (callee === 'extension') return { kind: 'inbound', agentCode: agentOf(calleeEnd), phone: src };
      if (callee === 'none' && IVR_APPS.has(app)) return { kind: 'ivr', agentCode: '', phone: src };
      return { kind: 'inbound', agentCode: '', phone: src };
    }
    if (caller === 'extension') {
      if (dst.startsWith('*')) return { kind: 'feature', agentCode: '', phone: '' };
      if (VOICEMAIL_APPS.has(app)) return { kind: 'voicemail', agentCode: '', phone: '' };
      if (CONFERENCE_APPS.has(app)) return { kind: 'conference', agentCode: '', phone: '' };
      if (QUEUE_APPS.has(app)) return { kind: 'queue', agentCode: '', phone: '' };
      if (callee === 'trunk' || (callee !== 'extension' && isExternalNumber(dst))) {
        return { kind: 'outbound', agentCode: agentOf(callerEnd), phone: dst };
      }
      return { kind: 'internal', agentCode: '', phone: '' };
    }
    if (caller === 'local') {
      // Queue / ring-group delivery to a member, or a click-to-call leg placed for an extension.
      if (callee === 'extension') {
        return isExternalNumber(src)
          ? { kind: 'inbound', agentCode: agentOf(calleeEnd), phone: src }
          : { kind: 'internal', agentCode: '', phone: '' };
      }
      if (callee === 'trunk' && numberRole(src) === 'extension' && !dst.startsWith('*')) {
        return { kind: 'outbound', agentCode: agentOfNumber(src), phone: dst };
      }
      return { kind: isExternalNumber(src) ? 'inbound' : 'local', agentCode: '', phone: src };
    }
    // No calling channel: read the numbers.
    return classifyNumbers(src, dst, numberRole, (n) => agents[compact(n)] || compact(n));
  };
}

function classifyNumbers(
  src: string,
  dst: string,
  roleOf: (number: string) => EndpointRole | 'none',
  agentOf: (number: string) => string,
): LegClass {
  if (dst.startsWith('*')) return { kind: 'feature', agentCode: '', phone: '' };
  const caller = roleOf(src);
  const callee = roleOf(dst);
  if (caller === 'extension' && callee === 'trunk')
    return { kind: 'outbound', agentCode: agentOf(src), phone: dst };
  if (caller === 'extension') return { kind: 'internal', agentCode: '', phone: '' };
  if (callee === 'extension') return { kind: 'inbound', agentCode: agentOf(dst), phone: src };
  return { kind: caller === 'trunk' ? 'inbound' : 'local', agentCode: '', phone: src };
}

/** The endpoints of a sample as the preview lists them: role, legs seen, the agent code in force. */
export function pbxEndpoints(
  plan: PbxPlan,
  rows: Iterable<readonly string[]>,
): { endpoint: string; role: EndpointRole; legs: number; agentCode: string }[] {
  const counts = new Map<string, number>();
  const at = (row: readonly string[], field: PbxField) => {
    const index = plan.columns[field];
    return index === undefined ? '' : (row[index] ?? '').trim();
  };
  for (const row of rows) {
    const ends =
      plan.columns.channel === undefined
        ? [compact(at(row, 'src')), compact(at(row, 'dst'))].filter((n) => EXTENSION_RE.test(n))
        : [endpointOf(at(row, 'channel')), endpointOf(at(row, 'dstchannel'))];
    for (const e of ends) if (e !== '' && e !== 'Local') counts.set(e, (counts.get(e) ?? 0) + 1);
  }
  return [...counts]
    .map(([endpoint, legs]) => {
      const role = endpointRole(plan, endpoint);
      const agentCode = role === 'extension' ? plan.agents[endpoint] || defaultAgentCode(plan, endpoint) : '';
      return { endpoint, role, legs, agentCode };
    })
    .sort((a, b) => b.legs - a.legs || a.endpoint.localeCompare(b.endpoint));
}

/** Which kind a call of several legs without an agent counts as: the most telling leg. */
export function dominantKind(kinds: Iterable<CallKind>): CallKind {
  let best: CallKind = 'local';
  for (const k of kinds) if (CALL_KINDS.indexOf(k) < CALL_KINDS.indexOf(best)) best = k;
  return best;
}
