/**
 * The application's own state, one schema for SQLite (embedded) and PostgreSQL (production).
 * Only portable column types: text, integer; instants are ISO-8601 text, structured values JSON
 * text, so both dialects store and return exactly the same values.
 */
export interface AppSchema {
  /** Operator revisions of the working-day calendar, in the order recorded (`position`). */
  calendar_revisions: OperatorRecordTable;
  /** Monthly calculation index values recorded for years after the shipped data (`record_key` = year). */
  mci_records: OperatorRecordTable;
  /** Legal amendments of the Rules, each with the rules-change notice started for it. */
  legal_amendments: OperatorRecordTable & { notice_process_instance_key: string | null };
  /** Who did what, when, from where. Append-only. */
  audit_events: AuditEventTable;
  /** Portal and office applications: the idempotency record of each number. */
  applications: ApplicationTable;
  /** The last number issued per register prefix (`SEC-2026`). */
  number_sequences: { prefix: string; last: number };
  /** What a clerk typed into a task's form and not yet completed, per person and task. */
  task_drafts: { user_task_key: string; user_id: string; data: string; saved_at: string };
  /** Operators' actions on running applications (the JSON entry), in recording order (`id`). */
  operator_actions: { id: string; process_instance_key: string; at: string; entry: string };
  /** Every save of the designer; the latest (`id`) per kind and name is the draft. */
  designer_drafts: {
    id: string;
    kind: string;
    name: string;
    content: string;
    saved_by: string;
    saved_at: string;
  };
  /** Web sessions under an HMAC of the cookie's id; instants as ISO text. */
  web_sessions: {
    session_key: string;
    identity: string;
    csrf_token: string;
    created_at: string;
    last_seen_at: string;
    id_token: string | null;
  };
  /** Applicants' attachments (the bytes are in the object storage). */
  attachments: AttachmentTable;
  /** Generated documents (the PDFs are in the object storage). */
  documents: DocumentTable;
  /** Signed results: one per generated document (the signed PDFs are in the object storage). */
  signed_documents: SignedDocumentTable;
  /** Results prepared for the head's signature, one per task, taken once by the signature. */
  result_signature_preparations: ResultSignaturePreparationTable;
  /** The applicant's signed e-requests: the signature (JSON `body`, CMS included) under its CMS's SHA-256. */
  request_signatures: {
    signature_key: string;
    application_number: string;
    received_at: string;
    body: string;
  };
  /** EDS sign-in challenges under their SHA-256, deleted when used. */
  eds_challenges: { challenge_key: string; issued_at: string; expires_at: string };
  /** Staff sign-ins started at the identity provider, taken once by the callback. */
  pending_logins: {
    login_key: string;
    state: string;
    nonce: string;
    code_verifier: string;
    return_to: string;
    created_at: string;
  };
}

/** An applicant's attachment; its bytes are the object `storage_key` of the attachments' store. */
export interface AttachmentTable {
  id: string;
  application_number: string;
  file_name: string;
  content_type: string;
  size: number;
  /** Hex SHA-256 of the bytes; null for files kept before it was recorded. */
  sha256: string | null;
  storage_key: string;
  /** The session's user id of who uploaded it; null for files kept before it was recorded. */
  uploaded_by: string | null;
  received_at: string;
  /** Its place among the files received with it (the order they were sent in). */
  position: number;
}

/** A generated document; its PDF is the object `storage_key` of the documents' store. */
export interface DocumentTable {
  document_id: string;
  application_number: string;
  kind: string;
  lang: string;
  title: string;
  number: string;
  date: string;
  file_name: string;
  content_type: string;
  size: number;
  sha256: string;
  storage_key: string;
  created_at: string;
  /** The register counter of this application and kind the number was made from. */
  seq: number;
  /** SHA-256 of the facts it was built from: the same facts again return this document. */
  facts_digest: string;
  /** JSON array of the lines shown beside the file. */
  stamp: string;
}

/** A signed result; its PDF (with the embedded signature) is the object `storage_key`. */
export interface SignedDocumentTable {
  /** The generated document's id (`documents.document_id`): one signature per document. */
  document_id: string;
  application_number: string;
  /** Register number printed on the document. */
  number: string;
  kind: string;
  lang: string;
  title: string;
  signer_iin: string;
  signer_name: string;
  signer_organization: string | null;
  /** The signature's signing time, an ISO instant. */
  signing_time: string;
  certificate_serial: string;
  certificate_subject: string;
  certificate_issuer: string;
  certificate_not_after: string;
  /** Hex SHA-256 of the signed PDF exactly as stored and served. */
  sha256: string;
  size: number;
  /** The name it is served under. */
  file_name: string;
  storage_key: string;
  /** Who completed the signature (the worklist user id). */
  signed_by: string;
}

/** A result laid out for the head's signature, waiting for the CMS signature from NCALayer. */
export interface ResultSignaturePreparationTable {
  /** The signing task's user task key: one preparation per task. */
  task_key: string;
  /** Random id of this preparation: a signature of a replaced one takes nothing. */
  preparation_id: string;
  /** Who prepared it (the worklist user id); only they may sign it. */
  user_id: string;
  /** IIN of the official the task is assigned to. */
  iin: string;
  certificate_pem: string;
  /** ISO instant; a preparation older than its time to live is refused and deleted. */
  prepared_at: string;
  /**
   * JSON array, one entry per language: document id, application and register number, kind,
   * language, title, `pdf` (with its signature placeholder) and `toBeSigned`, both base64.
   */
  documents: string;
}

export interface ApplicationTable {
  application_number: string;
  service_id: string;
  request_kind: string;
  applicant_bin: string;
  payload: string;
  received_at: string;
  registered_on: string;
  state: 'starting' | 'started';
  process_instance_key: string | null;
  idempotency_key: string | null;
}

/** An append-only operator record: validated JSON in `body`, ordered by `position`. */
export interface OperatorRecordTable {
  record_key: string;
  position: number;
  recorded_at: string;
  body: string;
}

export interface AuditEventTable {
  id: string;
  at: string;
  user_id: string;
  role: string;
  action: string;
  application_number: string | null;
  task_key: string | null;
  document_id: string | null;
  ip: string | null;
  detail: string;
}
