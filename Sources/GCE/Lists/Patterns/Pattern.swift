/// A user-supplied regular expression in RE2 syntax, matched in time linear in the text.
///
/// GCE list filters (`name eq 'web-.*'`) are RE2 expressions that must match the whole field. Swift's `Regex`
/// backtracks: `(.+)+x` on a long name never finishes and pins the loop thread. This is a Pike VM over a
/// Thompson NFA: each text scalar advances a set of at most `program.count` threads, so a match costs at most
/// `(text scalars + 1) * 2 * program.count` steps, and the program is capped by `PatternCompiler.maxInstructions`.
struct Pattern: Sendable {
    /// The pattern as the caller wrote it.
    let source: String
    private let program: [PatternInstruction]

    /// Parses and compiles `source`; throws for syntax RE2 refuses or this engine cannot run in linear time.
    init(_ source: String) throws(PatternSyntaxError) {
        self.source = source
        program = try PatternCompiler.compile(try PatternParser.parse(source))
    }

    /// Instructions in the compiled program: the per-scalar cost bound.
    var programSize: Int { program.count }

    /// Whether the pattern matches all of `text` (no step budget: for one short value).
    func matches(_ text: String) -> Bool { run(text).matched ?? false }

    /// Runs the VM over `text`. `matched` is `nil` when more than `budget` steps would be needed; `steps` never
    /// exceeds `(text scalars + 1) * 2 * programSize`.
    func run(_ text: String, budget: Int = .max) -> (matched: Bool?, steps: Int) {
        let scalars = Array(text.unicodeScalars)
        var current = PatternThreadList(capacity: program.count)
        var next = PatternThreadList(capacity: program.count)
        var stack: [Int] = []
        var steps = 0
        add(0, to: &current, previous: nil, next: scalars.first, stack: &stack, steps: &steps)
        for (position, scalar) in scalars.enumerated() {
            if current.isEmpty { return (false, steps) }
            if steps > budget { return (nil, steps) }
            let following = position + 1 < scalars.count ? scalars[position + 1] : nil
            next.removeAll()
            for pc in current.members {
                steps += 1
                if case .consume(let atom) = program[pc], atom.matches(scalar) {
                    add(pc + 1, to: &next, previous: scalar, next: following, stack: &stack, steps: &steps)
                }
            }
            swap(&current, &next)
        }
        if steps > budget { return (nil, steps) }
        for pc in current.members {
            if case .match = program[pc] { return (true, steps) }
        }
        return (false, steps)
    }

    /// Adds `start` and everything reachable from it without consuming input. An explicit stack, not recursion:
    /// a program of thousands of splits must not deepen the call stack.
    private func add(
        _ start: Int, to list: inout PatternThreadList, previous: Unicode.Scalar?, next: Unicode.Scalar?, stack: inout [Int],
        steps: inout Int
    ) {
        stack.append(start)
        while let pc = stack.popLast() {
            guard list.insert(pc) else { continue }
            steps += 1
            switch program[pc] {
            case .jump(let target):
                stack.append(target)
            case .split(let first, let second):
                stack.append(second)
                stack.append(first)
            case .assert(let assertion):
                if assertion.holds(previous: previous, next: next) { stack.append(pc + 1) }
            case .consume, .match:
                break
            }
        }
    }
}
