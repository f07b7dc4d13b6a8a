import * as vscode from 'vscode';

/** A dot in a codebook colour; theme icons take only theme colours. */
export function colorDot(hex: string): vscode.Uri {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16"><circle cx="8" cy="8" r="4.5" fill="${hex}"/></svg>`;
  return vscode.Uri.parse(`data:image/svg+xml;base64,${btoa(svg)}`);
}
