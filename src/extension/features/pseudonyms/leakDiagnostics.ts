import * as vscode from 'vscode';
import { loadKey } from '../../../core/pseudonyms/keyFile';
import { compileKey, type KeyMatcher } from '../../../core/pseudonyms/matcher';
import type { ProjectHost } from '../../shared/host/projectHost';
import { t } from '../../shared/l10n/displayLanguage';

export const LEAK_CODE = 'pseudonym-leak';

/** Every key entry in a transcript underlined as an error, following the text as it is typed. */
export class LeakDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('qcode-pseudonyms');
  private readonly disposables: vscode.Disposable[] = [];
  private matcher: KeyMatcher | undefined;

  constructor(private readonly host: ProjectHost) {
    this.disposables.push(
      this.collection,
      host.onDidChange(() => void this.refresh()),
      vscode.workspace.onDidChangeTextDocument((e) => this.check(e.document)),
      vscode.workspace.onDidOpenTextDocument((d) => this.check(d)),
    );
    void this.refresh();
  }

  private async refresh(): Promise<void> {
    const project = this.host.atHand?.project;
    if (!project) return;
    const key = await loadKey(this.host.files, project.settings, []);
    this.matcher = key && key.entries.length > 0 ? compileKey(key.entries) : undefined;
    this.collection.clear();
    for (const transcript of project.transcripts) {
      const doc = transcript.doc;
      if (!doc || !this.matcher) continue;
      this.collection.set(
        this.host.files.uri(transcript.path),
        this.matcher.find(doc.text).map((m) => {
          const [start, end] = [doc.positionAt(m.start), doc.positionAt(m.end)];
          return leakDiagnostic(
            new vscode.Range(start.line - 1, start.column - 1, end.line - 1, end.column - 1),
            m.text,
            m.replacement,
          );
        }),
      );
    }
    for (const document of vscode.workspace.textDocuments) this.check(document);
  }

  private check(document: vscode.TextDocument): void {
    if (!this.host.transcriptOf(document.uri)) return;
    const text = document.getText();
    const found = this.matcher?.find(text) ?? [];
    this.collection.set(
      document.uri,
      found.map((m) =>
        leakDiagnostic(
          new vscode.Range(document.positionAt(m.start), document.positionAt(m.end)),
          m.text,
          m.replacement,
        ),
      ),
    );
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

function leakDiagnostic(range: vscode.Range, found: string, replacement: string): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(
    range,
    t(
      '"{0}" is in the pseudonym key: it must not be shared. Pseudonymize the transcript to replace it with "{1}".',
      found,
      replacement,
    ),
    vscode.DiagnosticSeverity.Error,
  );
  diagnostic.source = 'qcode';
  diagnostic.code = LEAK_CODE;
  return diagnostic;
}
