/** The Import page's PBX part: which endpoints are agents, and the calls that are no dials (English). */
export const pbxEn = {
  'pbx.endpoints.title': 'Phones and trunks',
  'pbx.endpoints.hint':
    'Read from the file: an extension places and takes calls with short numbers, a trunk carries calls to and from outside. Type an agent code to make an endpoint an agent; leave it empty for a trunk.',
  'pbx.endpoints.endpoint': 'Endpoint',
  'pbx.endpoints.legs': 'Rows',
  'pbx.endpoints.role': 'Seen as',
  'pbx.endpoints.agent': 'Agent code',
  'pbx.role.extension': 'Extension',
  'pbx.role.trunk': 'Trunk',
  'pbx.endpoints.agentFor': 'Agent code for {endpoint}',
  'pbx.notDials': '{list}: not counted as dials',
  'pbx.kind.outbound': '{count} outbound without an agent',
  'pbx.kind.inbound': '{count} inbound',
  'pbx.kind.ivr': '{count} IVR only',
  'pbx.kind.queue': '{count} to a queue',
  'pbx.kind.conference': '{count} conference',
  'pbx.kind.voicemail': '{count} voicemail',
  'pbx.kind.feature': '{count} feature codes',
  'pbx.kind.internal': '{count} internal',
  'pbx.kind.local': '{count} dialplan plumbing (Local/)',
  'pbx.kind.robot': '{count} robot calls no person took over',
} as const;
