/** What case-management (organisation model) and registry-intake (quarantine, target-group rule) answer. */
export interface MunicipalityModel {
  municipality: number;
  model: { kind: 'in-house' | 'leitgemeinde'; leitgemeinde?: number };
  responsibleUnit: number;
  members: number[];
  sozialregion: string | null;
}

export interface OrganisationPeriod {
  municipality: number;
  model: { kind: 'in-house' | 'leitgemeinde'; leitgemeinde?: number };
  validFrom: string;
  validTo: string | null;
  recordedBy: string;
  recordedAt: string;
  reason: string;
}

export interface Delivery {
  id: string;
  status: string;
  source: string;
  municipality: number | null;
  eventElement: string | null;
  receivedAt: string;
  submittedBy: string;
  refusal: { code: string; message: string; issues: { line: number; column: number; message: string }[] } | null;
  reprocessable: boolean;
  attempts: number;
}

export interface DeliveryPage {
  items: Delivery[];
  nextCursor: string | null;
}

export interface RuleVersion {
  version: string;
  validFrom: string;
  rule: {
    description?: string;
    byCategory?: Record<string, boolean>;
    byCode?: Record<string, boolean>;
    withoutPermit?: boolean;
  };
  createdAt: string;
  createdBy: string;
}
