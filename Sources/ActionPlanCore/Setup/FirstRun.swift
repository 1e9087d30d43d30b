/// What `actionplan` and `actionplan plans` say when there is no data directory yet: the three ways to
/// start, and how to choose another directory.
public enum FirstRun {
    public static func text(dataDirectory: String, configPath: String) -> String {
        """
        No plans yet: the data directory \(dataDirectory) does not exist.

        Three ways to start:
          actionplan import my-plan.docx   import a plan from Word, Excel, CSV or text
          actionplan new                   create a plan and fill it in
          actionplan init --samples        try the five sample plans

        actionplan init creates an empty data directory (mode 0700). To use another directory, give
        --data DIR, set ACTIONPLAN_DATA, or put  data = "/srv/plans"  in \(configPath).
        See actionplan --help and man actionplan.

        """
    }
}
