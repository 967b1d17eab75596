import JSON

extension VolumeCommands {
    /// `resizeVolume`: `VolumeApiServiceImpl.resizeVolume`'s checks in its order; a volume that was
    /// never beyond Allocated only has its size updated, a Ready one is `Resizing` while the job runs.
    static let resize = Command(
        "resizeVolume", async: true, required: ["id"], accepts: ["diskofferingid", "size", "shrinkok", "maxiops", "miniops"]
    ) { world, call, w in
        let volume = try owned(world, call)
        let offering = try call.entity(world.diskOfferings, "diskofferingid")
        let requested = try call.sizeInBytes("size")
        try checkResizable(volume)
        var newSize: Int64
        if let offering, !offering.isCustomized {
            if requested != nil { throw APIError.invalid("A size was specified but the new disk offering is not customizable") }
            newSize = offering.diskSizeGB << 30
        } else if let requested {
            if volume.type == "DATADISK", offering == nil, let current = volume.diskOfferingID.flatMap({ world.diskOfferings[$0] }),
                !current.isCustomized
            {
                throw APIError.invalid(
                    "To change a volume's size without providing a new disk offering, its current disk offering must be customizable or it must be a root volume (if providing a disk offering, make sure it is different from the current disk offering)."
                )
            }
            newSize = requested
        } else {
            throw APIError.invalid("No new size or disk offering was specified for volume \(volume.id)")
        }
        try checkShrink(volume, to: newSize, shrinkOK: call.bool("shrinkok") == true)
        startResize(&world, call, into: &w, volume: volume, size: newSize, offeringID: offering?.id)
    }

    /// `changeOfferingForVolume` (4.17+): a new disk offering, with a size when it is custom-size.
    /// Messages are close paraphrases of `VolumeApiServiceImpl.changeDiskOfferingForVolume` and its
    /// `validateVolumeResizeWithNewDiskOfferingAndLoad`.
    static let changeOffering = Command(
        "changeOfferingForVolume", async: true, required: ["id", "diskofferingid"],
        accepts: ["size", "shrinkok", "maxiops", "miniops", "automigrate"]
    ) { world, call, w in
        let volume = try owned(world, call)
        let offering = try call.requiredEntity(world.diskOfferings, "diskofferingid")
        let requested = try call.sizeInBytes("size")
        if offering.id == volume.diskOfferingID {
            throw APIError.invalid("Volume \(volume.id) already has the new disk offering \(offering.id) provided")
        }
        try checkResizable(volume)
        let newSize: Int64
        if offering.isCustomized {
            newSize = requested ?? volume.size
        } else {
            if requested != nil { throw APIError.invalid("A size was specified but the new disk offering is not customizable") }
            newSize = offering.diskSizeGB << 30
        }
        try checkShrink(volume, to: newSize, shrinkOK: call.bool("shrinkok") == true)
        startResize(&world, call, into: &w, volume: volume, size: newSize, offeringID: offering.id)
    }

    /// Resizing needs a volume that is Ready or still Allocated.
    static func checkResizable(_ volume: Volume) throws {
        guard volume.state == "Ready" || volume.state == "Allocated" else {
            throw APIError.invalid(
                "Volume should be in ready or allocated state before attempting a resize. Volume \(volume.id) is in state \(volume.state).")
        }
    }

    /// A smaller size needs `shrinkok=true` (`validateVolumeResizeWithSize`).
    static func checkShrink(_ volume: Volume, to newSize: Int64, shrinkOK: Bool) throws {
        if newSize < volume.size && !shrinkOK {
            throw APIError.invalid(
                "Going from existing size of \(volume.size) bytes to size of \(newSize) bytes would shrink the volume. Need to sign off by supplying the shrinkok parameter with value of true."
            )
        }
    }

    /// The resize job: an Allocated volume only changes in the database; a Ready one goes
    /// Ready -> Resizing -> Ready (`Volume.Event.ResizeRequested`, then `OperationSucceeded`).
    static func startResize(_ world: inout World, _ call: Call, into w: inout JSONWriter, volume: Volume, size: Int64, offeringID: String?)
    {
        let id = volume.id
        let jobID = call.startJob(
            &world, into: &w, instanceType: "Volume", instanceID: id,
            begin: { world in if world.volumes[id]?.state == "Ready" { world.volumes[id]?.state = "Resizing" } },
            finish: { world, _ in
                guard var current = world.volumes[id] else { throw APIError.internalError("Volume \(id) is gone") }
                current.size = size
                if let offeringID { current.diskOfferingID = offeringID }
                if current.state == "Resizing" { current.state = "Ready" }
                world.volumes[id] = current
                return jobResult("volume") { world.writeVolume(current, into: &$0) }
            })
        world.volumes[id]?.pendingJobID = jobID
    }
}
