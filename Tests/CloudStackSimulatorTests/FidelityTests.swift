import Foundation
import Testing

@testable import CloudStackSimulator

@Suite struct FidelityTests {
    @Test func listingIsAvailable() {
        #expect(APIListing.commands.count == 705, "listApis.json not found at \(APIListing.path.path)")
    }

    @Test func everyCommandMatchesListApisDeclaration() {
        for command in CommandTable.list {
            guard let api = APIListing.commands[command.name] else {
                Issue.record("\(command.name) is not a CloudStack 4.18 command")
                continue
            }
            #expect(command.isAsync == api.isAsync, "\(command.name) isasync")
            let required = Set(api.params.filter { $0.value.required }.map(\.key))
            #expect(Set(command.required) == required, "\(command.name) required parameters")
            for name in command.accepted where api.params[name] == nil {
                Issue.record("\(command.name) accepts \(name), which listApis does not declare")
            }
        }
    }

    @Test func everyCommandIsWalkedAndEveryFieldIsDeclared() {
        let walk = FidelityWalk()
        walk.walk()
        #expect(walk.problems.isEmpty, "\(walk.problems.joined(separator: "\n"))")
        let missing = Set(CommandTable.list.map(\.name)).subtracting(walk.visited)
        #expect(missing.isEmpty, "not walked: \(missing.sorted())")
    }
}
