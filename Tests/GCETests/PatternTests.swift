import Testing

@testable import GCE

/// The linear-time RE2 engine behind `eq`/`ne` list filters (issue #11, 6).
@Suite struct PatternTests {
    /// RE2 full-match answers (`RE2::FullMatch`); each row was also checked with Python's `re.fullmatch` where the
    /// two syntaxes agree (`{,2}` and `[[:digit:]]` are RE2-only).
    static let cases: [(pattern: String, text: String, matches: Bool)] = [
        ("web-.*", "web-1", true), ("web-.*", "xweb-1", false), ("web", "web-1", false), ("", "", true), ("", "a", false),
        ("a|b", "a", true), ("a|b", "ab", false), ("ab|cd", "cd", true), ("a(b|c)d", "acd", true), ("a(b|c)d", "ad", false),
        ("(ab)+", "ababab", true), ("(ab)+", "aba", false), ("a{2,3}", "aa", true), ("a{2,3}", "aaaa", false),
        ("a{2}", "aa", true), ("a{2,}", "aaaaa", true), ("a{2,}", "a", false), ("a{,2}", "a{,2}", true), ("a{", "a{", true),
        ("a{x}", "a{x}", true), ("[a-c]+", "abcab", true), ("[^a-c]+", "xyz", true), ("[^a-c]+", "xaz", false),
        ("\\d+", "123", true), ("\\d+", "12a", false), ("\\w+", "a_1", true), ("\\W", "-", true), ("\\s", " ", true),
        ("\\S+", "a b", false), ("\\D", "a", true), (".", "\n", false), ("(?s).", "\n", true), ("(?i)WEB-.*", "web-x", true),
        ("(?i)[^a]", "A", false), ("(?i)[a-c]+", "AbC", true), ("(?i:a)b", "Ab", true), ("(?i:a)b", "AB", false),
        ("(?i)é", "É", true), ("^abc$", "abc", true), ("a^b", "ab", false), ("a\\.b", "a.b", true), ("a\\.b", "axb", false),
        ("a.b", "axb", true), ("x*", "", true), ("(a*)*", "aaa", true), ("(a*)*b", "aaac", false), ("(a*)+$", "aa", true),
        ("(?:a|b)*c", "ababc", true), ("(?P<n>a)b", "ab", true), ("(?<n>a)b", "ab", true), ("[[:digit:]]+", "42", true),
        ("[[:^alpha:]]", "1", true), ("\\bfoo\\b", "foo", true), ("a\\b", "a", true), ("a\\Bb", "ab", true),
        ("\\Aab\\z", "ab", true), ("a\\x41", "aA", true), ("\\x{65e5}", "日", true), ("[\\d.]+", "1.2", true),
        ("[]a]+", "]a", true), ("[a-]+", "a-", true), ("[\\]]", "]", true), ("us-central1-[abc]", "us-central1-b", true),
        ("a+?", "aaa", true), ("a*?b", "aab", true), ("(.+)+x", "aaax", true), ("(.+)+x", "aaa", false), ("é+", "éé", true),
        ("[à-ü]", "é", true), ("\\t\\n", "\t\n", true), ("(?m)^a$", "a", true), ("a|", "", true), ("(|a)b", "b", true),
        ("debian-1[0-2]-.*", "debian-11-bullseye-v20240110", true), ("debian-1[0-2]-.*", "debian-9-stretch", false),
        ("\\$\\^\\*\\+\\?\\(\\)\\[\\]\\{\\}\\|\\\\\\/", "$^*+?()[]{}|\\/", true),
    ]

    @Test(arguments: cases)
    func matchesTheWholeTextAsRE2Does(pattern: String, text: String, matches: Bool) throws {
        #expect(try Pattern(pattern).matches(text) == matches, "\(pattern) on \(text)")
    }

    static let refused: [(pattern: String, reason: String)] = [
        ("(a", "missing closing )"), ("a)", "unexpected )"), ("[a", "missing closing ]"), ("*a", "missing argument"),
        ("a**", "bad repetition operator"), ("a{2}*", "bad repetition operator"), ("(?=a)", "lookahead"),
        ("(?!a)", "lookahead"), ("(?<=a)b", "lookbehind"), ("(?<!a)b", "lookbehind"), ("(a)\\1", "backreferences"),
        ("a{1001}", "bad repetition operator"), ("a{3,2}", "bad repetition operator"), ("\\p{L}", "\\p"),
        ("\\q", "invalid escape"), ("[z-a]", "bad character class range"), ("[a-\\d]", "bad character class range"),
        ("\\", "trailing"), ("(a{1000}){1000}", "pattern too large"), ("((a{100}){100}){100}", "pattern too large"),
        (String(repeating: "(", count: 33) + String(repeating: ")", count: 33), "nesting too deep"),
        (String(repeating: "(", count: 5000) + "a" + String(repeating: ")", count: 5000), "pattern too large"),
        ("[[:nope:]]", "invalid character class"), ("(?z)", "flags"), ("\\x{110000}", "invalid escape"),
    ]

    @Test(arguments: refused)
    func unsupportedOrInvalidSyntaxIsRefusedWithAReason(pattern: String, reason: String) {
        #expect(throws: PatternSyntaxError.self) { try Pattern(pattern) }
        do {
            _ = try Pattern(pattern)
        } catch {
            #expect(error.reason.contains(reason), "\(pattern): \(error.reason)")
        }
    }

    @Test func thirtyTwoLevelsOfNestingAreAccepted() throws {
        let pattern = String(repeating: "(", count: 32) + "a" + String(repeating: ")", count: 32)
        #expect(try Pattern(pattern).matches("a"))
    }

    /// Catastrophic for a backtracking engine (Swift `Regex` never finishes `(.+)+x` on this input); here the
    /// work is bounded by the type's contract: at most `(scalars + 1) * 2 * program size` steps. Counting steps
    /// rather than timing keeps the test deterministic.
    @Test(arguments: ["(.+)+x", "(a|aa)*b", "(a*)*b", "(x+x+)+y", "(a|a)*c", "((a+)+)+$b", "(.*){1,100}z"])
    func pathologicalPatternsRunInBoundedSteps(pattern: String) throws {
        let compiled = try Pattern(pattern)
        let text = String(repeating: "a", count: 5_000)
        let (matched, steps) = compiled.run(text)
        #expect(matched == false)
        #expect(steps <= (text.unicodeScalars.count + 1) * 2 * compiled.programSize)
        #expect(compiled.programSize <= PatternCompiler.maxInstructions)
    }

    @Test func theStepBoundGrowsLinearlyWithTheText() throws {
        let compiled = try Pattern("(.+)+x")
        let short = compiled.run(String(repeating: "a", count: 1000)).steps
        let long = compiled.run(String(repeating: "a", count: 10_000)).steps
        #expect(long <= short * 11, "\(short) -> \(long)")
    }

    @Test func aSpentBudgetStopsTheRunWithoutAnAnswer() throws {
        let compiled = try Pattern("(.+)+x")
        let text = String(repeating: "a", count: 5_000)
        let full = compiled.run(text)
        #expect(full.matched == false)
        let stopped = compiled.run(text, budget: full.steps / 10)
        #expect(stopped.matched == nil)
        #expect(stopped.steps < full.steps / 5)
        #expect(compiled.run("aaax", budget: full.steps).matched == true)
    }
}
