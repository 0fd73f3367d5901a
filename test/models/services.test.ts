/**
 * One registry of services (domain/services.ts): the diagrams, the catalogue's names and the
 * groups that work each service follow it, so a service added, renamed or moved to another unit
 * in one place and not the others fails here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMessageKey, t } from '../../i18n';
import { SERVICE_IDS, SERVICES, SUB_PROCESS_IDS } from '../../domain/services';
import { PROCESS_ID_BY_SERVICE } from '../../domain/applications/status';
import { PROCEDURES } from '../../operations/calendar-revision';
import { staffIdentityFromClaims } from '../../ui/auth/identity';

const bpmnDir = join(__dirname, '..', '..', 'bpmn');
const processIdOf = (file: string) =>
  /<bpmn:process id="([^"]+)"/.exec(readFileSync(join(bpmnDir, file), 'utf8'))![1];

describe('the registry of services', () => {
  it('has a diagram for each service and sub-process, and no diagram outside it', () => {
    const deployed = readdirSync(bpmnDir)
      .filter((f) => f.endsWith('.bpmn'))
      .map(processIdOf)
      .sort();
    expect(deployed).toEqual([...SERVICE_IDS, ...SUB_PROCESS_IDS].sort());
  });

  it.each(SERVICES.map((s) => [s.id, s] as const))(
    "gives %s's clerk tasks and head's decisions to its unit's groups (docs/roles.md)",
    (id, service) => {
      const xml = readFileSync(join(bpmnDir, `${id}.bpmn`), 'utf8');
      expect(xml).toContain(`candidateGroups="${service.groups.clerks}"`);
      // The head's group is a FEEL string literal in an input mapping: ="<group>", XML-escaped.
      expect(xml).toMatch(new RegExp(`=(&quot;|&#34;)${service.groups.head}(&quot;|&#34;)`));
      const others = SERVICES.filter((s) => s.unit !== service.unit).flatMap((s) => [
        s.groups.clerks,
        s.groups.head,
      ]);
      for (const group of others) {
        expect(xml).not.toContain(`"${group}"`);
        expect(xml).not.toMatch(new RegExp(`(&quot;|&#34;)${group}(&quot;|&#34;)`));
      }
    },
  );

  it('names every service and sub-process, and every unit, in Kazakh and Russian', () => {
    for (const id of [...SERVICE_IDS, ...SUB_PROCESS_IDS]) {
      const key = `service.${id}`;
      expect(isMessageKey(key)).toBe(true);
      if (isMessageKey(key)) expect(t('kk', key)).not.toBe(t('ru', key));
    }
    for (const unit of new Set(SERVICES.map((s) => s.unit))) expect(isMessageKey(`unit.${unit}`)).toBe(true);
  });

  it('is what intake, operations and the web app read', () => {
    expect(Object.keys(PROCESS_ID_BY_SERVICE)).toEqual(SERVICE_IDS);
    expect(PROCEDURES).toEqual(SERVICE_IDS);
    for (const service of SERVICES) {
      const clerk = staffIdentityFromClaims({ sub: 'x', groups: [service.groups.clerks] });
      expect(clerk).toMatchObject({ roles: ['clerk'], unit: service.unit });
      const head = staffIdentityFromClaims({ sub: 'y', groups: [service.groups.head] });
      expect(head).toMatchObject({ roles: ['head'], unit: service.unit });
    }
  });
});
