/// botocore shape `Reservation`: the instances one RunInstances call launched.
struct ReservationView: TemplateModel {
    let reservationId: String
    let ownerId: String
    let groupSet: [GroupView]
    let instancesSet: [InstanceView]

    static let templateFields: TemplateFields<Self> = [
        "reservationId": .string(\.reservationId),
        "ownerId": .string(\.ownerId),
        "groupSet": .list(\.groupSet),
        "instancesSet": .list(\.instancesSet),
    ]

    /// Groups instances by reservation id, keeping the order in which each reservation first appears.
    static func grouping(_ instances: [InstanceView]) -> [ReservationView] {
        var order: [String] = []
        var members: [String: [InstanceView]] = [:]
        for instance in instances {
            if members[instance.reservationId] == nil { order.append(instance.reservationId) }
            members[instance.reservationId, default: []].append(instance)
        }
        return order.map { id in
            let list = members[id] ?? []
            return ReservationView(reservationId: id, ownerId: list.first?.ownerId ?? "", groupSet: [], instancesSet: list)
        }
    }
}
