/// Compiles a `PatternNode` into `PatternInstruction`s, refusing programs over a size limit.
///
/// Counted repetitions are expanded (`a{2,4}` is `aa(a(a)?)?`), so the limit is what bounds `(a{1000}){1000}`:
/// compiling stops as soon as the program grows past it, before any memory follows the nominal size.
struct PatternCompiler {
    /// Largest program, in instructions. A match costs at most this many steps per input scalar.
    static let maxInstructions = 2000

    private var program: [PatternInstruction] = []

    /// The program for `node`, ending in `.match`.
    static func compile(_ node: PatternNode) throws(PatternSyntaxError) -> [PatternInstruction] {
        var compiler = PatternCompiler()
        try compiler.emit(node)
        try compiler.append(.match)
        return compiler.program
    }

    private mutating func append(_ instruction: PatternInstruction) throws(PatternSyntaxError) {
        guard program.count < Self.maxInstructions else { throw PatternSyntaxError("pattern too large") }
        program.append(instruction)
    }

    /// Recurses once per level of the tree, whose depth the parser bounds.
    private mutating func emit(_ node: PatternNode) throws(PatternSyntaxError) {
        switch node {
        case .empty:
            break
        case .atom(let atom):
            try append(.consume(atom))
        case .assertion(let assertion):
            try append(.assert(assertion))
        case .concat(let parts):
            for part in parts { try emit(part) }
        case .alternate(let branches):
            var jumpsToEnd: [Int] = []
            for (position, branch) in branches.enumerated() {
                if position == branches.count - 1 {
                    try emit(branch)
                } else {
                    let split = program.count
                    try append(.split(split + 1, -1))
                    try emit(branch)
                    jumpsToEnd.append(program.count)
                    try append(.jump(-1))
                    program[split] = .split(split + 1, program.count)
                }
            }
            for jump in jumpsToEnd { program[jump] = .jump(program.count) }
        case .repetition(let body, let min, let max):
            for _ in 0..<min { try emit(body) }
            if let max {
                var splits: [Int] = []
                for _ in min..<max {
                    splits.append(program.count)
                    try append(.split(program.count + 1, -1))
                    try emit(body)
                }
                for split in splits { program[split] = .split(split + 1, program.count) }
            } else {
                let loop = program.count
                try append(.split(loop + 1, -1))
                try emit(body)
                try append(.jump(loop))
                program[loop] = .split(loop + 1, program.count)
            }
        }
    }
}
