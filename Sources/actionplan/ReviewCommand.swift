import ActionPlanCore
import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif

struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Reviews: open a dated checkpoint, close it (freezing every target's status), list them.",
        discussion: """
        A review is opened with an as-at date and a title, the meeting goes through the targets \
        (actionplan set …), and closing it freezes the status, comment and forecast of every target into \
        the plan file. Closed reviews are what `summary --compare` and `report` measure the direction \
        of travel against. One review at a time may be open.
        """,
        subcommands: [Start.self, Close.self, List.self]
    )

    struct Start: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "start",
            abstract: "Open the next review of a plan (refused while one is open)."
        )

        @OptionGroup var dataOptions: DataOptions
        @Argument(help: ArgumentHelp("The plan.", valueName: "plan-id"), completion: .planID) var planID: String
        @Option(help: ArgumentHelp("The review's as-at date (default: today); it becomes the plan's as-at date.", valueName: "date"), transform: DayArgument.parse) var asAt: DayArgument?
        @Option(help: "A title, e.g. \"DAAF January 2009\".") var title: String = ""

        func run() throws {
            try reportingErrors {
                let store = dataOptions.store()
                let planID = try resolvedPlanID(self.planID, in: store)
                try requirePlan(planID, in: store)
                let asAt = self.asAt?.day ?? Day.today()
                let review = try store.update(planID) { plan in
                    try plan.startReview(asAt: asAt, title: title, openedAt: Timestamp.iso())
                }
                print(glyphs.clean("opened review \(review.number) of \(planID) as at \(review.asAt.longDescription)"
                    + (review.title.isEmpty ? "" : ": \(review.title)")))
                print("saved \(glyphs.clean(try store.path(for: planID)))")
            }
        }
    }

    struct Close: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "close",
            abstract: "Close the open review: freeze every target's status, comment and forecast into it."
        )

        @OptionGroup var dataOptions: DataOptions
        @Argument(help: ArgumentHelp("The plan.", valueName: "plan-id"), completion: .planID) var planID: String

        func run() throws {
            try reportingErrors {
                let store = dataOptions.store()
                let planID = try resolvedPlanID(self.planID, in: store)
                try requirePlan(planID, in: store)
                let (review, tally) = try store.update(planID) { plan in
                    let review = try plan.closeReview(closedAt: Timestamp.iso())
                    return (review, plan.tally(of: review))
                }
                print("closed review \(review.number) of \(planID) as at \(review.asAt.longDescription): "
                    + "\(review.snapshot.count) targets frozen (\(tally.sentence))")
                print("saved \(glyphs.clean(try store.path(for: planID)))")
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "A plan's reviews: number, as-at date, title, open or closed, and the tallies of each snapshot."
        )

        @OptionGroup var dataOptions: DataOptions
        @Argument(help: ArgumentHelp("The plan.", valueName: "plan-id"), completion: .planID) var planID: String
        @Option(help: "Output format: text or json.") var format: OutputFormat = .text

        func validate() throws {
            if format == .csv { throw ValidationError("review list prints text or json, not csv") }
        }

        func run() throws {
            try reportingErrors {
                let store = dataOptions.store()
                let planID = try resolvedPlanID(self.planID, in: store)
                let plan = try store.load(planID).plan
                let output = ReviewListOutput(plan: plan)
                if format == .json {
                    printJSON(output.json)
                } else {
                    Output.write(output.text(glyphs: glyphs, width: Output.width()))
                }
            }
        }
    }
}

/// A clear "no such plan" (exit 2) before a read-modify-write, which would otherwise report a missing file.
func requirePlan(_ id: String, in store: PlanStore) throws {
    let path = try store.path(for: id)
    guard access(path, F_OK) == 0 else { throw StoreError.planNotFound(id, available: (try? store.planIDs()) ?? []) }
}
