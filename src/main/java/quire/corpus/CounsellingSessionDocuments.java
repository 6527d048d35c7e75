package quire.corpus;

import java.util.Set;

import quire.project.ProjectId;

/**
 * Which documents of a project record counselling sessions that are scored for fidelity. The corpus
 * cannot know (MITI sessions belong to the fidelity module, which builds on the corpus), so the
 * fidelity module provides this and the study design uses it to infer a group's strand.
 */
public interface CounsellingSessionDocuments {

	Set<DocumentId> documentsWithSessions(ProjectId project);

}
