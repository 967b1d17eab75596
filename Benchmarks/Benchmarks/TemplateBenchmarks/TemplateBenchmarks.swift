import Benchmark
import EC2
import Mustache

// DescribeInstances of 10 and 500 instances: our compiled templates against swift-mustache 2.1.1
// rendering the same template files, in the same run. Issue 5 asks for this comparison.

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .throughput],
        timeUnits: .microseconds,
        maxDuration: .seconds(3),
        maxIterations: 100_000
    )

    let ours: ResponseTemplate<DescribeInstancesModel>
    let library: MustacheLibrary
    do {
        ours = try TemplateCompiler.embedded().compileAction("DescribeInstances", as: DescribeInstancesModel.self)
        library = try mustacheLibrary()
    } catch {
        fatalError("templates do not compile: \(error)")
    }

    for count in [10, 500] {
        let model = DescribeInstancesModel.sample(instances: count)
        let context = model.mustacheContext

        Benchmark("DescribeInstances \(count): compiled templates") { benchmark in
            var out: [UInt8] = []
            out.reserveCapacity(count * 1_600)
            for _ in benchmark.scaledIterations {
                out.removeAll(keepingCapacity: true)
                ours.render(model, requestID: "4d7a1c2e-0b1f-4c8e-9f7d-2a1b3c4d5e6f", into: &out)
                blackHole(out.count)
            }
        }

        Benchmark("DescribeInstances \(count): swift-mustache, dictionary context") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(library.render(context, withTemplate: "DescribeInstances"))
            }
        }

        Benchmark("DescribeInstances \(count): swift-mustache, dictionary built per render") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(library.render(model.mustacheContext, withTemplate: "DescribeInstances"))
            }
        }
    }
}

/// The same template files for swift-mustache: partials by their short names, as `{{>Instance}}` says.
func mustacheLibrary() throws -> MustacheLibrary {
    var library = MustacheLibrary()
    for (name, source) in TemplateCompiler.embeddedSources {
        let short = name.split(separator: "/").last.map(String.init) ?? name
        try library.register(source, named: short)
    }
    return library
}
