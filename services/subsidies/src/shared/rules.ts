/**
 * The subsidy rules every refusal names (problem+json `rule`, and `refused_event.rule` for events that earn
 * nothing). The Kreisschreiben «Einführung und Umsetzung start.integration» is not public: S1–S3 are the
 * project's reading of DOMAIN.md and wave2-domain.md §4, to be confirmed by AGS.
 */
export const RULES = {
  S1: 'Eine Erstinformation wird pro Person und Zuzug (Fall) einmal subventioniert.',
  S2: 'Ein Erstinformationsgespräch für einen Haushalt wird einmal subventioniert (pro Gespräch, nicht pro Person).',
  S3: 'Integrationsgespräche werden nur mit Personen subventioniert, die Integrationsdefizite aufweisen (AIG Art. 58a).',
  S4: 'Gebucht wird zum Tarif, der am Tag des Ereignisses gilt; ohne gültigen Tarif wird nichts gebucht.',
  S5: 'Das Subventionsjournal ist unveränderlich: Korrekturen und Stornos sind neue Buchungen mit Begründung.',
  S6: 'Vier Augen: die sachliche Prüfung und die Freigabe machen zwei verschiedene Personen; freigeben darf nur AGS Finanzen.',
  S7: 'Eine Abrechnung durchläuft Entwurf → eingereicht → geprüft → freigegeben → exportiert → bezahlt; jeder Schritt nur im passenden Status.',
  S8: 'Eine Gemeinde sieht und bearbeitet nur ihre eigenen Abrechnungen und Buchungen.',
  S9: 'Jede IBAN wird mit der Prüfziffer (ISO 13616, mod 97) geprüft; Zahlungen nur an CH/LI-IBAN mit strukturierter Adresse.',
  S10: 'Eine Zeile wird mit Begründung beanstandet, solange die Abrechnung bei der Gemeinde ist; beanstandete Zeilen werden nicht ausbezahlt.',
  S11: 'Ein Tarif nennt Position, Gültigkeit (von ≤ bis) und einen Betrag in ganzen Rappen ≥ 0.',
  S12: 'Exportiert werden nur freigegebene Abrechnungen, deren Gemeinde eine Zahlungsverbindung hat; nichts wird zweimal bezahlt.',
  S13: 'Eine Zahlung wird nur für exportierte Abrechnungen bestätigt.',
  S14: 'Ein Budget nennt das Jahr, den Betrag in Rappen und Warnschwellen zwischen 1 und 100 %.',
  S15: 'Eine Abrechnungsperiode teilt das Jahr in gleich lange Perioden (1, 2, 3, 4, 6 oder 12 Monate); geändert nur, solange im Jahr keine Abrechnung besteht.',
  S16: 'Eine Eingabe muss wohlgeformt sein (Felder, Formate, Wertebereiche).',
  S17: 'Die Teilnahme an einem spezifischen Integrationsangebot wird subventioniert, wenn der Anbieter den Abschluss bestätigt, einmal pro Zuweisung.',
  S18: 'Eine Bankmeldung (camt.054) bestätigt eine Zahlung, wenn sie eine gebuchte Belastung des Kantonskontos in CHF mit der End-to-End-Referenz einer exportierten Abrechnung und deren auszahlbarem Betrag meldet.',
} as const;

export type RuleId = keyof typeof RULES;
