import ActionPlanCore
import ArgumentParser

/// Completion kinds for arguments that name things in the data directory. ArgumentParser's generated
/// bash/zsh/fish scripts call back into `actionplan` for these (custom completion), passing the command
/// line, so `--data DIR` given earlier on the line is honoured; otherwise the data directory in use
/// ($ACTIONPLAN_DATA, the config file, the default). Use them on any new argument: `completion: .planID`.
extension CompletionKind {
    static var planID: CompletionKind {
        .custom { words, _, prefix in CompletionCandidates.planIDs(in: Completions.directory(words), prefix: prefix) }
    }

    static var targetAddress: CompletionKind {
        .custom { words, _, prefix in CompletionCandidates.targetAddresses(in: Completions.directory(words), prefix: prefix) }
    }

    /// `PLAN_ID` or `PLAN_ID/ID` of a Key Issue, objective or target (`edit`, `move`, `remove`, `add`).
    static var itemAddress: CompletionKind {
        .custom { words, _, prefix in CompletionCandidates.itemAddresses(in: Completions.directory(words), prefix: prefix) }
    }

    static var officer: CompletionKind {
        .custom { words, _, prefix in
            CompletionCandidates.officers(in: Completions.directory(words), plan: Completions.value(of: "--plan", in: words),
                                          prefix: Completions.unquoted(prefix))
        }
    }
}

enum Completions {
    static func directory(_ words: [String]) -> String {
        DataDirectory.resolve(option: value(of: "--data", in: words))
    }

    /// The value of `--name VALUE` or `--name=VALUE` on the command line being completed.
    static func value(of option: String, in words: [String]) -> String? {
        for (i, word) in words.enumerated() {
            if word == option, i + 1 < words.count { return unquoted(words[i + 1]) }
            if word.hasPrefix(option + "=") { return unquoted(String(word.dropFirst(option.count + 1))) }
        }
        return nil
    }

    /// Shell words arrive verbatim: strip one level of quotes and backslash escapes.
    static func unquoted(_ word: String) -> String {
        var out = "", quote: Character? = nil, escaped = false
        for c in word {
            if escaped { out.append(c); escaped = false; continue }
            if c == "\\" && quote != "'" { escaped = true; continue }
            if let q = quote { if c == q { quote = nil } else { out.append(c) }; continue }
            if c == "'" || c == "\"" { quote = c; continue }
            out.append(c)
        }
        return out
    }
}
