import * as vscode from 'vscode';
import type { Project } from '../../../core/project/model';
import { splitCoveredHits } from '../../../core/search/coveredHits';
import type { SearchHit } from '../../../core/search/hit';
import { informantTurns, searchTranscripts, tickedByDefault } from '../../../core/search/searchTranscripts';
import type { ProjectHost } from '../../shared/host/projectHost';
import type { Coding } from '../../shared/coding/coding';
import { pickConcepts } from '../tagging/conceptPicker';
import { pickHits } from './hitPicker';
import { askForSearch, type SearchRequest } from './searchInput';
import { searchArguments, type SearchAndTagArguments } from './searchArguments';
import { t, translatedText } from '../../shared/l10n/displayLanguage';

/** What a run of Search and Tag did. */
export interface SearchAndTagOutcome {
  tagged: number;
  /** Hits already inside a passage with all the chosen concepts. */
  skipped: number;
  /** Hits not ticked: outside informants' turns, when the command's arguments chose for the user. */
  unticked: number;
}

export function register(context: vscode.ExtensionContext, host: ProjectHost, coding: Coding): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('qcode.searchAndTag', (args?: unknown) =>
      searchAndTag(context, host, coding, searchArguments(args)),
    ),
  );
}

async function searchAndTag(
  context: vscode.ExtensionContext,
  host: ProjectHost,
  coding: Coding,
  args: SearchAndTagArguments,
): Promise<SearchAndTagOutcome | undefined> {
  const project = (host.current ?? (await host.reload()))?.project;
  if (!project) {
    void vscode.window.showWarningMessage(t('The qcode project has not loaded yet.'));
    return undefined;
  }
  if (args.unknownUnit !== undefined) {
    void vscode.window.showErrorMessage(
      t('Search and Tag: the unit "{0}" is unknown; use match, sentence or turn.', args.unknownUnit),
    );
    return undefined;
  }
  const request = args.request ?? (await askForSearch(project, context.workspaceState));
  const found = request && findHits(project, request);
  if (!request || !found || found.length === 0) return undefined;
  const hits = await chooseHits(found, args, 'informant' in request);
  if (!hits) return undefined;
  if (hits.length === 0) return noneTicked(found.length, args);
  const concepts =
    args.concepts ??
    (await pickConcepts(project.codebook, context.workspaceState, {
      title: t('Tag {0} passage(s) with concepts', hits.length),
    }));
  if (!concepts?.length || !knownConcepts(project, concepts)) return undefined;
  const { fresh, covered } = splitCoveredHits(project, hits, concepts);
  try {
    const tagged = await coding.tagPassages(fresh, concepts);
    reportTagged(tagged.length, covered.length);
    return { tagged: tagged.length, skipped: covered.length, unticked: found.length - hits.length };
  } catch (error) {
    void vscode.window.showErrorMessage((error as Error).message);
    return undefined;
  }
}

/**
 * The hits to tag: those in informants' turns are ticked to begin with (all of them for one
 * speaker's turns, or with `allSpeakers`); with both a search and concepts as arguments, the ticked ones.
 */
async function chooseHits(
  found: SearchHit[],
  args: SearchAndTagArguments,
  oneSpeaker: boolean,
): Promise<SearchHit[] | undefined> {
  const ticked = (hit: SearchHit) => args.allSpeakers === true || oneSpeaker || tickedByDefault(hit);
  if (args.request && args.concepts) return found.filter(ticked);
  return pickHits(found, pickTitle(found, ticked), ticked);
}

function pickTitle(hits: readonly SearchHit[], ticked: (hit: SearchHit) => boolean): string {
  return hits.every(ticked)
    ? t('Tag which of the {0} hits?', hits.length)
    : t("Tag which of the {0} hits? Those in informants' turns are ticked.", hits.length);
}

function noneTicked(found: number, args: SearchAndTagArguments): SearchAndTagOutcome | undefined {
  if (args.request && args.concepts) {
    void vscode.window.showInformationMessage(
      t(
        "None of the {0} hits is in an informant's turn, so nothing was tagged. Pass allSpeakers: true to tag them all.",
        found,
      ),
    );
    return { tagged: 0, skipped: 0, unticked: found };
  }
  void vscode.window.showInformationMessage(t('None of the {0} hits was ticked, so nothing was tagged.', found));
  return undefined;
}

/** The hits of a request; says so and gives undefined when there are none to show. */
function findHits(project: Project, request: SearchRequest): SearchHit[] | undefined {
  if ('informant' in request) {
    const turns = informantTurns(project, request.informant);
    if (turns.length === 0)
      void vscode.window.showInformationMessage(t('{0} has no turns in the transcripts.', request.informant));
    return turns;
  }
  const result = searchTranscripts(project, request.query);
  if (!result.ok) {
    void vscode.window.showErrorMessage(translatedText(result));
    return undefined;
  }
  if (result.hits.length === 0)
    void vscode.window.showInformationMessage(t('"{0}" was not found in the transcripts.', request.query.pattern));
  if (result.capped)
    void vscode.window.showWarningMessage(
      t('Only the first {0} hits are listed. Narrow the search to see the rest.', result.hits.length),
    );
  return result.hits;
}

function knownConcepts(project: Project, concepts: readonly string[]): boolean {
  const unknown = concepts.filter((id) => !project.codebook.has(id));
  if (unknown.length > 0)
    void vscode.window.showErrorMessage(t('These concepts are not in the codebook: {0}', unknown.join(', ')));
  return unknown.length === 0;
}

function reportTagged(tagged: number, skipped: number): void {
  if (skipped === 0) vscode.window.setStatusBarMessage(t('qcode: tagged {0} passage(s)', tagged), 5000);
  else if (tagged === 0)
    void vscode.window.showInformationMessage(
      t('All {0} passage(s) already had these concepts; nothing was tagged.', skipped),
    );
  else
    void vscode.window.showInformationMessage(
      t('Tagged {0} passage(s); {1} already had these concepts and were left as they were.', tagged, skipped),
    );
}
