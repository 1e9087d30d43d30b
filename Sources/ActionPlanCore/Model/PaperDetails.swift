/// The fields of a plan's committee paper (the covering report of `report --paper`), as the last paper
/// was written: who it is to and by, its subject, classification, summary, recommendations, contact and
/// background documents. Kept in the plan file (`paper`, docs/FORMAT.md) so the next paper starts from
/// the last. Every field may be empty: the paper then shows a marked placeholder (see `CommitteePaper`).
/// The date is not kept: each paper is dated when it is written (or `--date`).
public struct PaperDetails: Sendable, Equatable {
    /// The committee ("To:").
    public var to: String = ""
    /// The authors and the cabinet member, one a line ("By:").
    public var by: [String] = []
    public var subject: String = ""
    /// "Unrestricted".
    public var classification: String = ""
    public var summary: String = ""
    /// Each recommendation one paragraph; empty means the default ("note the progress").
    public var recommendations: [String] = []
    /// The contact block, one line each (name, post, telephone, email).
    public var contact: [String] = []
    public var backgroundDocuments: [String] = []
    public var extras: [JSONMember] = []

    public init() {}

    public var isEmpty: Bool {
        to.isEmpty && by.isEmpty && subject.isEmpty && classification.isEmpty && summary.isEmpty
            && recommendations.isEmpty && contact.isEmpty && backgroundDocuments.isEmpty && extras.isEmpty
    }

    /// These details with every field that `other` gives replacing this one's (a field `other` leaves
    /// empty keeps its value here): how options given to one paper update the remembered ones.
    public func merging(_ other: PaperDetails) -> PaperDetails {
        var m = self
        if !other.to.isEmpty { m.to = other.to }
        if !other.by.isEmpty { m.by = other.by }
        if !other.subject.isEmpty { m.subject = other.subject }
        if !other.classification.isEmpty { m.classification = other.classification }
        if !other.summary.isEmpty { m.summary = other.summary }
        if !other.recommendations.isEmpty { m.recommendations = other.recommendations }
        if !other.contact.isEmpty { m.contact = other.contact }
        if !other.backgroundDocuments.isEmpty { m.backgroundDocuments = other.backgroundDocuments }
        return m
    }
}
