import ActionPlanCore
import ArgumentParser

struct MergeDriverCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge-driver",
        abstract: "The three-way merge of one plan file, for git (merge.actionplan.driver).",
        discussion: """
        git runs it as `actionplan merge-driver %O %A %B %P` for files with the merge=actionplan \
        attribute (sync --init sets both up): the common version, ours (replaced by the result), theirs \
        and the file's name. Fields changed on different targets or fields are all kept; the same field \
        changed on both sides keeps the later change by its history time, the other stays in history. \
        The result is always a valid plan file, never conflict markers. Exit status 1 when the file cannot \
        be merged (a side is not a valid plan): ours is left as it was and git reports a conflict.
        """
    )

    @Argument(help: ArgumentHelp("The common version (%O).", valueName: "base")) var base: String
    @Argument(help: ArgumentHelp("Ours (%A): replaced by the merged plan.", valueName: "ours")) var ours: String
    @Argument(help: ArgumentHelp("Theirs (%B).", valueName: "theirs")) var theirs: String
    @Argument(help: ArgumentHelp("The file's path in the repository (%P).", valueName: "path")) var path: String

    func run() throws {
        let result = MergeDriver.run(base: base, ours: ours, theirs: theirs, pathName: path)
        for line in result.messages { printError(line) }
        if !result.ok { throw ExitCode(Exit.invalidData) }
    }
}
