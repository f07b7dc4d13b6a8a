// A REFI-QDA project (or codebook) as read from or written to XML: the parts qcode maps to its own
// files. Positions are kept as the file states them; choosing their unit is the importer's job.

export type VariableType = 'Text' | 'Boolean' | 'Integer' | 'Float' | 'Date' | 'DateTime';

export interface RefiCode {
  guid: string;
  name: string;
  isCodable: boolean;
  /** '#rrggbb' as written (either case), when there is one. */
  color?: string;
  description?: string;
  children: RefiCode[];
}

export interface RefiUser {
  guid: string;
  name: string;
}

export interface RefiVariable {
  guid: string;
  name: string;
  type: VariableType;
}

export interface RefiVariableValue {
  variableGuid: string;
  value: string;
}

export interface RefiCase {
  guid: string;
  name: string;
  description?: string;
  values: RefiVariableValue[];
  sourceGuids: string[];
  /** SelectionRef: the passages this case said. */
  selectionGuids?: string[];
}

export interface RefiCoding {
  guid: string;
  codeGuid: string;
  userGuid?: string;
  created?: string;
}

export interface RefiSelection {
  guid: string;
  /** ATLAS.ti writes the start of the quotation here, NVivo nothing, qc `line:N`. */
  name: string;
  /** NaN when the file does not give a whole number; `badPosition` then says what it gave and where. */
  start: number;
  end: number;
  badPosition?: string;
  userGuid?: string;
  created?: string;
  description?: string;
  codings: RefiCoding[];
  noteGuids: string[];
}

export interface RefiSource {
  guid: string;
  name: string;
  /** plainTextPath as written: `internal://x.txt`, a bare `x.txt`, or absent with PlainTextContent. */
  plainTextPath?: string;
  /** PlainTextContent, when the text is inline. */
  inlineText?: string;
  description?: string;
  selections: RefiSelection[];
  userGuid?: string;
  created?: string;
}

export interface RefiNote {
  guid: string;
  name: string;
  text?: string;
}

export interface RefiProject {
  name: string;
  /** The producing tool, e.g. "NVivo 12", "ATLAS.ti 23", "MAXQDA 24", "qc 1.3". */
  origin?: string;
  users: RefiUser[];
  codes: RefiCode[];
  variables: RefiVariable[];
  cases: RefiCase[];
  sources: RefiSource[];
  notes: RefiNote[];
}

export interface RefiCodebook {
  origin?: string;
  codes: RefiCode[];
}
