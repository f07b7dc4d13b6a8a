import { ProjectIndex } from '../project/projectIndex';
import type { Project, ResolvedAnnotation } from '../project/model';

/** What chapters are rendered against: the project's passages by id, concept and informant. */
export class ChapterIndex {
  private readonly byId = new Map<string, ResolvedAnnotation>();

  constructor(readonly quotes: ProjectIndex) {
    for (const resolved of quotes.all)
      if (!this.byId.has(resolved.annotation.id)) this.byId.set(resolved.annotation.id, resolved);
  }

  static of(project: Project): ChapterIndex {
    return new ChapterIndex(new ProjectIndex(project));
  }

  get project(): Project {
    return this.quotes.project;
  }

  annotation(id: string): ResolvedAnnotation | undefined {
    return this.byId.get(id);
  }
}
