/// The keys of each object in a plan file (docs/FORMAT.md), for PlanDecoder to match with JSONReader.
/// Any other key is kept as an extra (or dropped, where the model has no extras) and listed as unknown.

enum PlanKey: String, CaseIterable {
    case schemaVersion, id, title, organisation, department, source, notes, asAt, period, nextTargetId, nextIssueId,
         nextObjectiveId, lastChange, history, keyIssues, reviews, paper
    static let table = JSONKeyTable(Self.self)
}

enum PeriodKey: String, CaseIterable {
    case start, end
    static let table = JSONKeyTable(Self.self)
}

enum KeyIssueKey: String, CaseIterable {
    case id, number, title, statement, objectives
    static let table = JSONKeyTable(Self.self)
}

enum ObjectiveKey: String, CaseIterable {
    case id, number, code, text, expectedOutcome, targets
    static let table = JSONKeyTable(Self.self)
}

enum TargetKey: String, CaseIterable {
    case id, text, leadOfficers, timescale, due, status, comment, forecast, measure, history, carriedFrom
    static let table = JSONKeyTable(Self.self)
}

enum MeasureKey: String, CaseIterable {
    case unit, baseline, target, actual, better
    static let table = JSONKeyTable(Self.self)
}

enum HistoryKey: String, CaseIterable {
    case when, who, field, old, new, note, action, item, from, to, removedIssue, removedObjective, removedTarget,
         change, undoes
    static let table = JSONKeyTable(Self.self)
}

enum ReviewKey: String, CaseIterable {
    case number, asAt, title, openedAt, closedAt, opening, snapshot
    static let table = JSONKeyTable(Self.self)
}

enum SnapshotKey: String, CaseIterable {
    case id, status, comment, forecast, actual
    static let table = JSONKeyTable(Self.self)
}

/// `background` is `PaperDetails.backgroundDocuments` (a known key is at most 16 bytes, see JSONKeyTable).
enum PaperKey: String, CaseIterable {
    case to, by, subject, classification, summary, recommendations, contact, background
    static let table = JSONKeyTable(Self.self)
}
