import { serviceOf } from '../../domain/services';
import type { Diagram } from './builder';
import { completeness, deliver, lookups, serviceFrame, studyAndHearing } from './service-frame';

const REF = 'MES Order 372 (as amended by Order 138)';
const GROUPS = serviceOf('fire-automation-permit').groups;

/** Service A — permit for installation, adjustment and maintenance of fire automation systems. */
export function fireAutomationPermit(): Diagram {
  return serviceFrame({
    processId: 'fire-automation-permit',
    name: 'Permit for fire automation systems',
    ref: `${REF}; Annex 2 rows 5, 10, 11; spec §2 (total term 10 WD, free of charge)`,
    groups: GROUPS,
    approvalKind: 'permit',
    approvalEndName: 'Permit issued',
    stage(s) {
      const c = completeness(s, {
        ref: `${REF}; Annex 2 row 10; spec §2 (completeness 2 WD [config])`,
        groups: GROUPS,
        formNote:
          'Checklist: EDS request, specialists’ documents, employment contracts, premises documents, measuring instruments.',
      });
      const l = lookups(s, 10, `${REF} §3 part three`, [
        {
          id: 'Task_LookupLegalEntity',
          type: 'lookup-legal-entity',
          name: 'Look up the state registration',
          doc: 'State registration of the entrepreneur or legal entity; court bans and deprivation of the special right.',
        },
        {
          id: 'Task_LookupRealEstate',
          type: 'lookup-real-estate',
          name: 'Look up the building or premises',
          doc: 'Building or premises owned or held on another legal basis (Annex 2 row 10 item 4).',
        },
        {
          id: 'Task_LookupEducation',
          type: 'lookup-education',
          name: "Look up the specialists' education",
          doc: 'Education of the employees named by IIN (Annex 2 row 10 item 2).',
          subjects: 'specialists',
        },
        {
          id: 'Task_LookupEmployment',
          type: 'lookup-employment',
          name: "Look up the specialists' employment",
          doc: 'Employment record and experience of the employees named by IIN (Annex 2 row 10 items 2, 3).',
          subjects: 'specialists',
        },
      ]);
      const check = s.service('Task_CheckSpecialists', {
        name: "Check the specialists' qualification",
        doc: `${REF}; Annex 2 row 10 item 2: clearance group III+, listed specialty, 3 years with higher or 5 years with technical and vocational education; [config] at least 2 specialists and a verified measuring instrument (item 5). Writes specialistsCheck; grounds are data for the clerk.`,
        at: [13, 0],
        type: 'check-fire-specialists',
      });
      const {
        report: rep,
        outcome,
        approval,
      } = studyAndHearing(s, {
        col: 14,
        groups: GROUPS,
        deadline: '=deadlineStudy',
        refs: {
          study: `${REF}; Annex 2 row 11 (grounds 1–5), spec C14. The study ends when the hearing notice is due (deadlineStudy, counted from the completeness check's actual end, spec C4)`,
          grounds: `${REF}; Annex 2 row 11; spec C6.`,
          hearing: `${REF}; Annex 2 row 11`,
          outcome: `${REF}; spec C6.`,
          approval: REF,
        },
      });
      s.chain(l.join, check, rep);
      s.flow(c.complete, l.fork);
      const ids = deliver(s, {
        col: 20,
        ref: `${REF}; Annex 2 row 7`,
        groups: GROUPS,
        deadlineDelivery:
          '=if resultKind = "refusal-further-consideration" then deadlineCompleteness else deadlineResult',
        resumePoint: c.resumed,
        backLane: -4,
        refusals: {
          afterHearing: outcome,
          incomplete: c.incomplete,
          docs: {
            refusal: 'The hearing confirmed the refusal (Annex 2 row 11).',
            furtherConsideration: 'Incomplete package or expired documents (spec C5).',
          },
        },
        choices: [
          {
            id: 'Task_ChoosePermit',
            kind: 'permit',
            name: 'Result: permit',
            row: 0,
            doc: 'No grounds, or the applicant’s position was accepted (Annex 2 row 7).',
          },
        ],
      });
      s.flow(approval, ids.permit);
      return { lastCol: 24, bottomRow: 3 };
    },
  });
}
