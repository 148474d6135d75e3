/**
 * A PBX file's endpoints as the importer read them (extension or trunk, learned from the file),
 * with the agent code each extension's calls count for. Typing a code makes an endpoint an agent
 * (a named phone such as PJSIP/client1, or a trunk the file misled about); an empty code makes it
 * no agent. Also says how many calls of the sample are no dials, by kind.
 */
import { useState } from 'react';
import type { ImportPreview } from '../../../src-shared/api';
import { notDialsSentence } from '../../../src-shared/not-dials';
import { useFormat, useT } from '../../i18n/language';
import { useImport } from '../../stores/import';

export function EndpointMapping({ preview }: { preview: ImportPreview }) {
  const t = useT();
  const endpoints = preview.endpoints ?? [];
  // A file of calls (no endpoints) still says its inbound and internal calls are no dials.
  if (endpoints.length === 0) return <NotDials counts={preview.notDials} />;
  return (
    <div className="mapping mapping--endpoints" data-testid="pbx-endpoints">
      <h3 className="mapping__title">
        {t('pbx.endpoints.title')}
        <span className="mapping__hint">{t('pbx.endpoints.hint')}</span>
      </h3>
      <NotDials counts={preview.notDials} />
      <div className="table-scroll mapping__scroll">
        <table className="data-table data-table--mapping">
          <thead>
            <tr>
              <th scope="col">{t('pbx.endpoints.endpoint')}</th>
              <th scope="col" className="num">
                {t('pbx.endpoints.legs')}
              </th>
              <th scope="col">{t('pbx.endpoints.role')}</th>
              <th scope="col">{t('pbx.endpoints.agent')}</th>
            </tr>
          </thead>
          <tbody>
            {endpoints.map((e) => (
              <EndpointRow key={`${e.endpoint}\u0000${e.agentCode}`} {...e} />
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function EndpointRow(e: NonNullable<ImportPreview['endpoints']>[number]) {
  const t = useT();
  const f = useFormat();
  const setEndpointAgent = useImport((s) => s.setEndpointAgent);
  // Keyed by the code in force: a new preview (another naming, a profile) starts the row afresh.
  const [code, setCode] = useState(e.agentCode);
  const commit = () => {
    if (code.trim() !== e.agentCode) setEndpointAgent(e.endpoint, code.trim());
  };
  return (
    <tr data-endpoint={e.endpoint} data-role={e.role}>
      <th scope="row">
        <code>{e.endpoint}</code>
      </th>
      <td className="num">{f.count(e.legs)}</td>
      <td>{t(`pbx.role.${e.role}`)}</td>
      <td>
        <input
          className="input input--narrow"
          value={code}
          aria-label={t('pbx.endpoints.agentFor', { endpoint: e.endpoint })}
          onChange={(ev) => setCode(ev.target.value)}
          onBlur={commit}
          onKeyDown={(ev) => {
            if (ev.key === 'Enter') commit();
          }}
          maxLength={64}
          data-testid="pbx-endpoint-agent"
        />
      </td>
    </tr>
  );
}

/** "412 inbound, 96 internal: not counted as dials", of a preview's sample or an import's result. */
export function NotDials({
  counts = {},
  testId = 'pbx-not-dials',
}: {
  counts: Record<string, number> | undefined;
  testId?: string;
}) {
  const t = useT();
  const f = useFormat();
  const sentence = notDialsSentence(t, counts, (n) => f.count(n));
  if (sentence === null) return null;
  return (
    <p className="preview__count" data-testid={testId}>
      {sentence}
    </p>
  );
}
