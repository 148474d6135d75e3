/** How lists name an agent: the name and the code, once when they are one (云客 agents known by name). */
import { describe, expect, it } from 'vitest';
import { agentLabel, codeWorthShowing } from '../../src-shared/agent-label';

describe('agent labels', () => {
  it('shows the name with the code, the code alone without a name, and a name that is the code once', () => {
    expect(agentLabel({ name: '王伟', code: '8001' })).toBe('王伟 (8001)');
    expect(agentLabel({ name: '王伟', code: '8001' }, 'dot')).toBe('王伟 · 8001');
    expect(agentLabel({ name: null, code: '8001' })).toBe('8001');
    expect(agentLabel({ name: '', code: '8001' }, 'dot')).toBe('8001');
    expect(agentLabel({ name: '张伟', code: '张伟' })).toBe('张伟');
    expect(codeWorthShowing({ name: '张伟', code: '张伟' })).toBe(false);
    expect(codeWorthShowing({ name: '王伟', code: '8001' })).toBe(true);
  });
});
