/** The editorial API's bodies, as the pages read them (docs/openapi.json has the full schemas). */
export interface StoredStatement {
  id: string; entityId: string; property: string; value: string; sourceId: string; locator: string | null; asOf: string | null; status: string;
}

export interface ProposalPayload {
  kind: string; entityId?: string; entityKind?: string; targetStatementId?: string;
  statements?: { property: string; value: string | number | boolean; asOf?: string; status?: string }[];
  newSource?: Record<string, unknown>; cite?: { source: string; locator: string }; comment?: string;
}

export interface Proposal {
  id: number; kind: string; status: 'open' | 'approved' | 'rejected'; entityId: string | null; payload: ProposalPayload; comment: string | null;
  proposer: string; createdAt: string; reviewer: string | null; decidedAt: string | null; decisionComment: string | null;
}

export interface ProposalDetail { proposal: Proposal; current: StoredStatement[]; conflicts: StoredStatement[]; problems: { field: string; reason: string }[] }

export interface Account { id: number; name: string; role: 'contributor' | 'reviewer' | 'admin'; createdAt: string; disabledAt: string | null }

export interface AuditRow { id: string; at: string; actorName: string | null; action: string; subject: string; address: string | null; before: unknown; after: unknown }
