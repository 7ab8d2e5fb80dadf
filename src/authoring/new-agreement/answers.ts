/**
 * What `npm run new` asks a contributor for, from prompts or flags, before the planner checks it
 * and turns it into files.
 */
import type { AgencyKind, CitedFact } from '../../vocabulary.ts';

/** An agency to create alongside the agreement. */
export interface NewAgency {
  readonly id: string;
  readonly country: string;
  readonly name: string;
  readonly kind: AgencyKind;
  /** One or two sentences; the default only restates what the contributor gave. */
  readonly description?: string;
}

/** A person to create alongside the agreement. */
export interface NewPerson {
  readonly id: string;
  readonly country: string;
  readonly name: string;
}

/** A source of the new entry; its id is suggested from the publisher and year when left out. */
export interface SourceAnswers {
  readonly id?: string;
  readonly url: string;
  readonly title: string;
  readonly publisher: string;
  readonly published?: string;
  readonly language: string;
}

/** A person who signed or took part, with the role a source gives them. */
export interface PersonAnswers {
  readonly id: string;
  readonly role?: string;
}

/** A dated milestone and the one source that reports it. */
export interface EventAnswers {
  readonly date: string;
  readonly kind: string;
  readonly title: string;
  readonly source: string;
  readonly place?: string;
}

/** A relation to an agreement already in the catalogue. */
export interface RelationAnswers {
  readonly agreement: string;
  readonly relation: string;
}

/**
 * The facts a reference can name, as `npm run new` asks for them and `--cite` writes them: the
 * top-level facts by name, and `party:CC`, `person:ID`, `place`, `term`, `related:ID`.
 */
export type FactKey = CitedFact | 'place' | 'term' | `party:${string}` | `person:${string}` | `related:${string}`;

/** Everything `npm run new` asks for. Party membership follows each agency's and person's country. */
export interface AgreementAnswers {
  /** The file name without extension; suggested in the house style when left out. */
  readonly id?: string;
  readonly title: string;
  readonly shortTitle?: string;
  readonly aliases?: readonly string[];
  readonly kind: string;
  readonly binding: string;
  readonly status: string;
  readonly signed: string;
  readonly inForce?: string;
  readonly expires?: string;
  readonly term?: { readonly years?: number; readonly months?: number };
  readonly place?: { readonly city: string; readonly country: string };
  readonly countries: readonly string[];
  readonly agencies: readonly string[];
  readonly signatories: readonly (string | PersonAnswers)[];
  readonly participants: readonly (string | PersonAnswers)[];
  readonly topics: readonly string[];
  readonly summary: string;
  /** The sources, first one first; a single one may be given as `source`. */
  readonly sources?: readonly SourceAnswers[];
  readonly source?: SourceAnswers;
  /**
   * The ids of the sources that state each fact. With one source, every fact names it, since
   * nothing else could state it; with several, every fact given must say which.
   */
  readonly cite?: Readonly<Partial<Record<FactKey, readonly string[]>>>;
  readonly events?: readonly EventAnswers[];
  readonly related?: readonly RelationAnswers[];
  readonly newAgencies: readonly NewAgency[];
  readonly newPeople: readonly NewPerson[];
  /** The day the entry was checked against its sources, `YYYY-MM-DD`. */
  readonly verified: string;
}
