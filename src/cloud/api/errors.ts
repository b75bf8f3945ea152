/**
 * The catalogue of errors the cloud answers with, keyed by the real API's own
 * codes: HTTP status and message as Alibaba Cloud sends them (see
 * shared/spec/ecs-wire.md §6 and ecs-api.md). Greppable by code; handlers throw
 * `new EcsError('InvalidImageId.NotFound')` or one of the helpers below, and a code
 * outside the catalogue does not compile. Only codes something throws are listed.
 *
 * A message may carry `{0}`, `{1}` … placeholders filled from `args`.
 */

export interface ErrorDefinition {
  readonly status: number;
  readonly message: string;
}

const CATALOGUE = {
  // --- Gateway: authentication, signature, routing -------------------------
  'InvalidAccessKeyId.NotFound': { status: 404, message: 'Specified access key is not found.' },
  MissingAccessKeyId: { status: 400, message: 'AccessKeyId is mandatory for this action.' },
  SignatureDoesNotMatch: {
    status: 400,
    message: 'Specified signature is not matched with our calculation. server string to sign is:{0}',
  },
  IncompleteSignature: { status: 400, message: 'The request signature does not conform to Aliyun standards.' },
  InvalidSignatureMethod: { status: 400, message: 'Specified signature method is not valid.' },
  'InvalidTimeStamp.Format': { status: 400, message: 'Specified time stamp or date value is not well formatted.' },
  'InvalidTimeStamp.Expired': { status: 400, message: 'Specified time stamp or date value is expired.' },
  SignatureNonceUsed: { status: 400, message: 'Specified signature nonce was used already.' },
  'InvalidApi.NotFound': { status: 404, message: 'Specified api is not found,please check your url and method.' },
  UnsupportedHTTPMethod: { status: 400, message: 'Specified HTTP method is not supported.' },
  Forbidden: { status: 403, message: 'User not authorized to operate on the specified resource.' },
  InternalError: {
    status: 500,
    message: 'The request processing has failed due to some unknown error, exception or failure.',
  },
  ServiceUnavailable: { status: 503, message: 'The request has failed due to a temporary failure of the server.' },
  /** Not an Alibaba Cloud code (its gateway answers 413 without a body); ours for bodies over the limit. */
  RequestTooLarge: { status: 413, message: 'The request body exceeds the size limit of the endpoint.' },
  /** Ours, like RequestTooLarge: the gateway's answer to oversized headers has no documented code. */
  RequestHeaderTooLarge: { status: 431, message: 'The request headers exceed the size limit of the endpoint.' },
  /** Ours: an `Expect` other than 100-continue, which HTTP answers 417 (RFC 9110 §10.1.1). */
  ExpectationFailed: { status: 417, message: 'The expectation given in the Expect header cannot be met.' },

  // --- Common parameter errors ---------------------------------------------
  MissingParameter: {
    status: 400,
    message: 'The input parameter "{0}" that is mandatory for processing this request is not supplied.',
  },
  InvalidParameter: { status: 400, message: 'The specified parameter "{0}" is not valid.' },
  DryRunOperation: { status: 400, message: 'Request validation has been passed with DryRun flag set.' },
  IdempotentParameterMismatch: {
    status: 400,
    message: 'Request uses a client token in a previous request but is not identical to that request.',
  },
  'InvalidRegionId.NotFound': { status: 404, message: 'The specified RegionId does not exist.' },
  'InvalidResourceGroup.NotFound': {
    status: 404,
    message: 'The ResourceGroup provided does not exist in our records.',
  },

  // --- Tags and resource groups (cloud/api/tags, resource-manager) ----------
  // Resource Manager (GetResourceGroup on an unknown id).
  'EntityNotExist.ResourceGroup': { status: 404, message: 'The resource group does not exist.' },
  'MissingParameter.ResourceType': { status: 404, message: 'The parameter - ResourceType should not be null' },
  'MissingParameter.Tags': { status: 404, message: 'The parameter - Tags should not be null' },
  'NumberExceed.ResourceIds': { status: 400, message: "The ResourceIds parameter's number is exceed , Valid : 50" },
  'NumberExceed.Tags': { status: 400, message: "The Tags parameter's number is exceed , Valid : 20" },
  'Duplicate.TagKey': { status: 400, message: 'The Tag.N.Key contain duplicate key.' },
  'InvalidTagKey.Malformed': { status: 400, message: 'The specified Tag.n.Key is not valid.' },
  'InvalidTagValue.Malformed': { status: 400, message: 'The specified Tag.n.Value is not valid.' },
  'OperationDenied.QuotaExceed': { status: 400, message: 'The quota of tags on resource is beyond permitted range.' },
  'InvalidResourceId.NotFound': { status: 404, message: 'The specified ResourceIds are not found in our records.' },
  'InvalidResourceType.NotFound': { status: 404, message: 'The ResourceType provided does not exist in our records.' },
  'InvalidResourceGroup.Duplicate': { status: 403, message: 'The ResourceId provided has a ResourceGroup in our records.' },

  // --- Catalog (cloud/api/catalog) ------------------------------------------
  'InvalidAcceptLanguage.NotFound': {
    status: 404,
    message: 'Only Chinese (zh-CN), English (en-US), and Japanese (ja) are allowed.',
  },
  'InvalidInstanceChargeType.NotFound': { status: 404, message: 'The InstanceChargeType does not exist in our records' },
  InvalidSpotStrategy: { status: 400, message: 'The specified SpotStrategy is not valid.' },
  'Invalid.Param': {
    status: 400,
    message: 'The input parameter {0} that is mandatory for processing this request is not supplied.',
  },
  'Invalid.DestinationResource': { status: 404, message: 'The specified DestinationResource is not valid.' },
  'Invalid.ResourceType': { status: 404, message: 'The ResourceType provided does not exist in our records.' },
  'Invalid.InstanceChargeType': { status: 400, message: 'The specified InstanceChargeType is not valid.' },
  'Invalid.IoOptimized': { status: 404, message: 'The specified IoOptimized is not valid.' },
  'Invalid.NetworkCategory': { status: 404, message: 'The specified NetworkCategory is not valid.' },
  'Invalid.SpotStrategy': { status: 404, message: 'The specified SpotStrategy is not valid.' },
  'InvalidParam.TypeAndCpuMem.Conflict': {
    status: 403,
    message: "The specified 'InstanceType' and 'Cores','Memory' are not blank at the same time.",
  },

  // --- Images (cloud/api/images) --------------------------------------------
  // Codes other areas also answer with are declared here once: the image ones
  // (InvalidImageId.NotFound, IncorrectImageStatus) and those CreateImage needs
  // from its sources (snapshots, instances); reuse them, do not redeclare.
  'InvalidImageId.NotFound': { status: 404, message: 'The specified ImageId does not exist.' },
  IncorrectImageStatus: { status: 400, message: 'The image not available.' },
  'InvalidImageName.Malformed': { status: 400, message: 'The specified Image name is wrongly formed.' },
  'InvalidImageName.Duplicated': { status: 400, message: 'The specified Image name has already bean used.' },
  'InvalidDescription.Malformed': { status: 400, message: 'The specified description is wrongly formed.' },
  'InvalidImageVersion.Malformed': { status: 400, message: 'The specified ImageVersion is wrongly formed.' },
  'InvalidImageFamily.Malformed': { status: 400, message: 'The specified ImageFamily is wrongly formed.' },
  'InvalidArchitecture.Malformed': { status: 400, message: 'The specified Architecture is wrongly formed.' },
  'InvalidPlatform.Malformed': { status: 400, message: 'The specified Platform is wrongly formed.' },
  'InvalidBootMode.ValueNotSupported': { status: 400, message: 'The specified BootMode is not supported.' },
  'InvalidLicenseType.ValueNotSupported': { status: 400, message: 'The specified LicenseType is not supported.' },
  'InvalidDetectionStrategy.ValueNotSupported': {
    status: 400,
    message: 'The specified DetectionStrategy is not supported.',
  },
  'InvalidSnapshotId.NotFound': { status: 404, message: 'The specified SnapshotId does not exist.' },
  'InvalidSnapshotId.NotReady': {
    status: 403,
    message: 'The current status of the DiskDeviceMapping.n.SnapshotId or SnapshotId does not support this operation.',
  },
  'InvalidSnapshot.TooOld': {
    status: 403,
    message:
      'This operation is denied because the specified snapshot by DiskDeviceMapping.n.SnapshotId or SnapshotId is created before 2013-07-15.',
  },
  'InvalidInstanceId.NotFound': { status: 404, message: 'The specified InstanceId does not exist.' },
  IncorrectInstanceStatus: {
    status: 400,
    message: 'The current status of the instance does not support this operation.',
  },
  /** ECS answers OperationDenied with many reasons; pass the reason as `{0}`. */
  OperationDenied: { status: 403, message: '{0}' },
  'InvalidDevice.Malformed': { status: 400, message: 'The specified parameter DiskDeviceMapping.n.Device is not valid.' },
  'InvalidDevice.InUse': {
    status: 400,
    message: 'The specified parameter DiskDeviceMapping.n.Device has been occupied.',
  },
  'InvalidSize.ValueNotSupported': {
    status: 400,
    message: 'The specified parameter DiskDeviceMapping.n.Size beyond the permitted range.',
  },
  'InvalidDiskType.ValueNotSupported': { status: 400, message: 'The specified disk type is not supported.' },
  'QuotaExceed.Image': { status: 403, message: 'The Image Quota exceeds.' },
  'InvalidImageOwnerAlias.ValueNotSupported': {
    status: 400,
    message: 'The specified ImageOwnerAlias value is not supported.',
  },
  'InvalidFilterKey.NotFound': { status: 404, message: 'The specified filter key is not found.' },
  'InvalidFilterValue': { status: 400, message: 'The specified filter value is not valid.' },
  InvalidUsage: { status: 404, message: 'The specifed Usage is not valid' },
  InvalidOSType: { status: 404, message: 'The specifed OSType is not valid' },
  InvalidArchitecture: { status: 404, message: 'The specifed Architecture is not valid' },
  'InvalidStatus.ValueNotSupported': { status: 400, message: 'The specified Status is not supported.' },
  'InvalidInstanceType.ValueNotSupported': {
    status: 400,
    message: 'The specified InstanceType does not exist or beyond the permitted range.',
  },
  'InvalidTag.Mismatch': { status: 400, message: 'The specified Tag.n.Key and Tag.n.Value are not match.' },
  InvalidTagCount: { status: 400, message: 'The specified tags are beyond the permitted range.' },
  ImageUsingByInstance: { status: 403, message: 'The specified image has been used to create instances.' },
  ImageUseShared: { status: 403, message: 'The specified image has been shared to others.' },
  'OperationDenied.ImageCopying': { status: 403, message: 'The Image is coping.' },
  'IncorrectDestinationRegion': {
    status: 403,
    message: 'The destination region is not equal the target region.',
  },
  'DestinationRegion.NotFound': { status: 400, message: 'The destination region not found' },
  'InvalidAccount.NotFound': {
    status: 404,
    message: 'The specified parameter "AddAccount.n" or "RemoveAccount.n" does not exist.',
  },
  'InvalidAccount.Forbbiden': { status: 404, message: 'The specified Account does not yourself.' },
  'QuotaExceed.ShareImageUser': { status: 403, message: 'The shared Image user Quota exceeds.' },
  IncorrectDiskStatus: { status: 403, message: 'The current disk status does not support this operation.' },

  // --- Instances, disks, snapshots (cloud/api/compute) ----------------------
  // Shared with other areas and declared above: InvalidInstanceId.NotFound,
  // IncorrectInstanceStatus, InvalidSnapshotId.NotFound/.NotReady,
  // IncorrectDiskStatus, InvalidImageId.NotFound, IncorrectImageStatus,
  // InvalidDescription.Malformed, OperationDenied, InvalidVSwitchId.NotFound,
  // InvalidSecurityGroupId.NotFound, InvalidZoneId.NotFound.
  /** ECS words these two by case; pass the reason as `{0}`. */
  'InvalidParameter.Mismatch': { status: 400, message: '{0}' },
  'InvalidParameter.Conflict': { status: 400, message: '{0}' },
  VpcNotFound: {
    status: 400,
    message: 'Vpc is not found according to the specified VSwitch or the vpc does not belong to you.',
  },
  'InvalidInstanceType.ZoneNotSupported': { status: 403, message: 'The specified zone does not support this instancetype.' },
  ImageNotSupportInstanceType: {
    status: 403,
    message: 'The specified image does not support the specified InstanceType.',
  },
  'InvalidInstanceName.Malformed': { status: 400, message: 'The specified parameter "InstanceName" is not valid.' },
  'InvalidHostName.Malformed': { status: 400, message: 'The specified parameter "HostName" is not valid.' },
  'InvalidPassword.Malformed': { status: 400, message: 'The specified parameter "Password" is not valid.' },
  'InvalidUserData.SizeExceeded': { status: 400, message: 'The specified parameter "UserData" exceeds the size.' },
  'InvalidInternetChargeType.ValueNotSupported': { status: 404, message: 'The specified InternetChargeType is not valid' },
  'InvalidNetworkType.NotFound': { status: 404, message: 'The specified InstanceNetworkType is not found' },
  InvalidPeriod: { status: 400, message: 'The specified period is not valid.' },
  'InvalidPeriodUnit.ValueNotSupported': { status: 400, message: 'The specified parameter PeriodUnit is not valid.' },
  'InvalidSystemDiskCategory.ValueNotSupported': {
    status: 400,
    message: 'The specified parameter "SystemDisk.Category" is not valid.',
  },
  'InvalidSystemDiskSize.LessThanImageSize': {
    status: 404,
    message: 'The specified parameter SystemDisk.Size is less than the image size.',
  },
  'InvalidSystemDiskSize.LessThanMinSize': {
    status: 404,
    message: 'The specified parameter SystemDisk.Size is less than the min size.',
  },
  'InvalidSystemDiskSize.MoreThanMaxSize': {
    status: 404,
    message: 'The specified SystemDisk.Size parameter exceeds the maximum size.',
  },
  'InvalidDataDiskCategory.ValueNotSupported': {
    status: 400,
    message: 'The specified parameter "DataDisk.n.Category" is not valid.',
  },
  'InvalidDataDiskCategory.NotSupported': { status: 403, message: 'Specified disk category is not supported.' },
  'InvalidDataDiskSize.ValueNotSupported': {
    status: 400,
    message:
      'The specified DataDisk.n.Size beyond the permitted range, or the capacity of snapshot exceeds the size limit of the specified disk category.',
  },
  'InvalidDataDiskSnapshotId.NotFound': {
    status: 404,
    message: 'The specified parameter "DataDisk.n.SnapshotId" is not valid.',
  },
  'InstanceDiskNumber.LimitExceed': {
    status: 400,
    message: 'The total number of specified disk in an instance exceeds.',
  },
  'InvalidPrivateIpAddress': {
    status: 400,
    message: 'Specified private IP address is not in the CIDR block of virtual switch.',
  },
  // ModifyInstanceVpcAttribute (2021 error table): a vSwitch in another zone than the instance.
  'InvalidVSwitchId.Mismatch': { status: 400, message: 'Specified instance and virtual switch are not in the same zone.' },
  'InvalidPrivateIpAddress.Duplicated': { status: 400, message: 'Specified private IP address is duplicated.' },
  'QuotaExceeded.PrivateIpAddress': { status: 400, message: "Don't have enough private IPs in this switch" },
  'InvalidStatus.NotFound': { status: 404, message: 'The specified Status is not found' },
  'IncorrectInstanceStatus.Initializing': {
    status: 403,
    message: 'The specified instance status does not support this operation.',
  },
  'InvalidOperation.DeletionProtection': { status: 403, message: '{0}' },
  'InvalidDiskId.NotFound': { status: 404, message: 'The specified DiskId does not exist.' },
  'InvalidDiskName.Malformed': { status: 400, message: 'The specified disk name is wrongly formed.' },
  'InvalidDiskDescription.Malformed': {
    status: 400,
    message: 'The specified parameter "SystemDisk.DiskDescription" or "DataDisk.n.Description" is not valid.',
  },
  'InvalidDiskCategory.ValueNotSupported': {
    status: 400,
    message: 'The specified parameter "DiskCategory" is not valid.',
  },
  'InvalidPerformanceLevel.Malformed': {
    status: 400,
    message: 'The specified parameter PerformanceLevel is not valid.',
  },
  'InvalidDiskSize.NotSupported': { status: 403, message: 'The specified disk size is not supported.' },
  'InvalidDiskSize.TooSmall': { status: 403, message: 'Specified disk size is less than the size of snapshot.' },
  'InvalidSnapshot.NotReady': { status: 403, message: 'The specified snapshot creation is not completed yet.' },
  'InvalidDiskIds.Malformed': { status: 403, message: 'The amount of specified disk Ids exceeds the limit.' },
  'InvalidCategory.ValueNotSupported': { status: 400, message: 'The specified disk category is not supported.' },
  InstanceDiskLimitExceeded: {
    status: 403,
    message: 'The amount of the disk on instance in question reach its limits.',
  },
  'InvalidDisk.AlreadyDetached': { status: 403, message: 'The specified disk has already been detached.' },
  DiskStillAttached: { status: 403, message: 'The disk is still attached to the instance.' },
  DiskCreatingSnapshot: {
    status: 403,
    message: 'The operation is denied due to a snapshot of the specified disk is not completed yet.',
  },
  'InvalidSnapshotName.Malformed': { status: 400, message: 'The specified SnapshotName is wrongly formed.' },
  'IncorrectDiskStatus.NeverAttached': {
    status: 403,
    message: 'The specified disk has never been attached to any instance.',
  },
  'IncorrectDiskStatus.CreatingSnapshot': { status: 403, message: 'A previous snapshot creation is in process.' },
  'InvalidSnapshotIds.Malformed': {
    status: 403,
    message: 'The amount of specified specified snapshot Ids exceeds the limit.',
  },
  'InvalidSnapshotCategory.Malformed': { status: 403, message: 'The specified Category is not valid.' },
  'InvalidSnapshotType.NotFound': { status: 404, message: 'The specfied SnapshotType is not found' },
  InvalidSourceDiskType: { status: 404, message: 'The specifed SourceDiskType is not valid' },
  SnapshotCreatedImage: {
    status: 403,
    message: 'The snapshot has been used to create user defined image(s).',
  },
  SnapshotCreatedDisk: { status: 403, message: 'The snapshot has been used to create disk(s).' },

  // --- VPC, vSwitch, security groups (cloud/api/network) --------------------
  'InvalidVpcId.NotFound': { status: 404, message: 'Specified VPC does not exist.' },
  IncorrectVpcStatus: { status: 400, message: 'Current VPC status does not support this operation.' },
  'InvalidVpcName.Malformed': { status: 400, message: 'Specified VPC name is not valid.' },
  'InvalidVpcDiscription.Malformed': { status: 400, message: 'Specified VPC description is not valid.' },
  'IllegalParam.CidrBlockMask': { status: 400, message: 'The param of CidrBlock Mask [{0}] is illegal.' },
  InvalidResourceGroupId: { status: 400, message: 'The specified ResourceGroupId does not exist.' },
  'DependencyViolation.VSwitch': { status: 400, message: 'Specified object has dependent resources' },
  'DependencyViolation.SecurityGroup': { status: 400, message: 'Specified object has dependent resources SecurityGroup.' },
  'DependencyViolation.Instance': { status: 400, message: 'Specified object has dependent resources' },
  // DeleteVSwitch answers "Specified object has dependent resources." and
  // DeleteSecurityGroup "There is still instance(s) in the specified security
  // group." under the same code: the caller passes the message.
  DependencyViolation: { status: 400, message: '{0}' },
  'InvalidVSwitchId.NotFound': { status: 404, message: 'Specified virtual switch does not exist.' },
  IncorrectVSwitchStatus: { status: 400, message: 'The current virtual switch status does not support this operation.' },
  'InvalidVSwitchName.Malformed': { status: 400, message: 'Specified vSwitch name is not valid.' },
  'InvalidVSwitchDescription.Malformed': { status: 400, message: 'Specified vSwitch description is not valid.' },
  'InvalidCidrBlock.Malformed': { status: 400, message: 'Specified CIDR block is not valid.' },
  'InvalidCidrBlock.Overlapped': { status: 400, message: 'Specified CIDR block overlapped with other vSwitch or route entry.' },
  // AssociateVpcCidrBlock beyond the reference's five secondary IPv4 blocks per VPC; the
  // code is inferred from the VPC product's `QuotaExceeded.*` family (no error table retrieved).
  'QuotaExceeded.SecondaryCidrBlock': { status: 400, message: 'The number of secondary CIDR blocks of the VPC exceeds the quota.' },
  // UnassociateVpcCidrBlock of a block the VPC does not hold (inferred, as above).
  'InvalidCidrBlock.NotFound': { status: 404, message: 'Specified secondary CIDR block does not exist in the VPC.' },
  'QuotaExceeded.VSwitch': { status: 400, message: 'The maximum number of vSwitches in the VPC is reached.' },
  'InvalidZoneId.NotFound': { status: 404, message: 'The specified zone does not exist.' },
  'InvalidSecurityGroupId.NotFound': { status: 404, message: 'The specified SecurityGroupId does not exist.' },
  'InvalidSecurityGroupName.Malformed': { status: 400, message: 'Specified security group name is not valid.' },
  'InvalidSecurityGroupDiscription.Malformed': {
    status: 400,
    message: 'Specified security group description is not valid.',
  },
  'InvalidNicType.ValueNotSupported': { status: 400, message: 'The specified NicType does not exist.' },

  // --- Security-group rules (cloud/api/network/rule-*.ts), ecs-api-more.md §1 --------
  'InvalidIpProtocol.ValueNotSupported': { status: 400, message: 'The specified IpProtocol does not exist.' },
  // Also what a protocol / port-range mismatch (TCP with -1/-1) is answered with.
  'InvalidIpProtocol.Malformed': {
    status: 400,
    message: 'The specified IpProtocol does not exist or IpProtocol and PortRange do not match.',
  },
  'InvalidParam.PortRange': { status: 400, message: 'The specified parameter PortRange is not valid.' },
  'InvalidSourcePortRange.Malformed': { status: 400, message: 'The specified parameter SourcePortRange is not valid.' },
  'InvalidSourceCidrIp.Malformed': { status: 400, message: 'The specified parameter SourceCidrIp is not valid.' },
  'InvalidDestCidrIp.Malformed': { status: 400, message: 'The specified parameter DestCidrIp is not valid.' },
  'InvalidParam.Ipv6SourceCidrIp': { status: 400, message: 'The specified parameter Ipv6SourceCidrIp is not valid.' },
  'InvalidParam.Ipv6DestCidrIp': { status: 400, message: 'The specified parameter Ipv6DestCidrIp is not valid.' },
  'InvalidParam.Ipv4ProtocolConflictWithIpv6Address': {
    status: 400,
    message: 'The specified IPv4 protocol conflicts with the IPv6 address.',
  },
  'InvalidParam.Ipv6ProtocolConflictWithIpv4Address': {
    status: 400,
    message: 'The specified IPv6 protocol conflicts with the IPv4 address.',
  },
  'InvalidPolicy.Malformed': { status: 400, message: "Only 'Accept' and 'Drop' are supported. Ignore case." },
  'InvalidPriority.Malformed': { status: 400, message: 'The specified parameter Priority is not valid.' },
  'InvalidPriority.ValueNotSupported': { status: 400, message: 'The specified Priority is out of range [1, 100].' },
  'MissingParameter.Source': { status: 400, message: 'Either SourceCidrIp or SourceGroupId must be specified.' },
  'MissingParameter.Dest': { status: 400, message: 'Either DestCidrIp or DestGroupId must be specified.' },
  'InvalidSourceGroupId.NotFound': { status: 404, message: 'The specified SourceGroupId does not exist.' },
  'InvalidDestGroupId.NotFound': { status: 404, message: 'The specified DestGroupId does not exist.' },
  'InvalidSourceGroupId.Mismatch': { status: 400, message: 'The specified SourceGroupId is in another VPC.' },
  'InvalidDestGroupId.Mismatch': { status: 400, message: 'The specified DestGroupId is in another VPC.' },
  'InvalidParamter.Conflict': {
    status: 403,
    message: 'The authorized SecurityGroupId should be different from the SourceGroupId.',
  },
  'InvalidSecurityGroup.IsSame': {
    status: 403,
    message: 'The authorized SecurityGroupId should be different from the DestGroupId.',
  },
  AuthorizationLimitExceed: { status: 403, message: 'The limit of authorization records in the security group reaches.' },
  'InvalidParam.SecurityGroupRuleId': { status: 400, message: 'The specified parameter SecurityGroupRuleId is not valid.' },
  'SecurityGroupRule.NotFound': { status: 404, message: 'The target security group rule not exist.' },

  // --- Key pairs (cloud/api/keypairs), ecs-api-more.md §2 ---------------------------
  'KeyPair.AlreadyExist': { status: 400, message: 'The key pair already exist.' },
  'InvalidKeyPairName.Malformed': { status: 400, message: 'The specified KeyPairName is not valid.' },
  'InvalidKeyPairName.NotFound': { status: 400, message: 'The specified KeyPairName does not exist.' },
  'QuotaExceed.KeyPair': { status: 403, message: 'The quota of key pairs is exceeded.' },
  'InvalidPublicKeyBody.Malformed': { status: 400, message: 'The PublicKeyBody format is not supported.' },
  'InvalidKeyPairNames.ValueNotSupported': { status: 400, message: 'The specified parameter KeyPairNames is not valid.' },
  'InvalidParameter.KeypairAlreadyAttachedInstance': {
    status: 400,
    message: 'The specified key pair is attached to instance(s) and cannot be deleted.',
  },
  'InvalidInstanceIds.ValueNotSupported': { status: 400, message: 'The specified parameter InstanceIds is not valid.' },
  'DependencyViolation.WindowsInstance': { status: 403, message: 'The specified instance is a Windows instance.' },

  // --- Legacy instance reads, ModifySecurityGroupPolicy (ecs-api-more.md §1.9, §3) ---
  'InvalidParameter.AllEmpty': { status: 403, message: 'The specified parameters {0} are all empty.' },
  'InvalidInstanceIds.Malformed': { status: 400, message: 'The specified parameter InstanceIds is not valid.' },
  InstanceIdLimitExceeded: { status: 403, message: 'The number of instance IDs exceeds the upper limit of 100.' },
  ChargeTypeViolation: { status: 403, message: 'The operation is not permitted due to charge type of the instance.' },
  'MissingParameter.InstanceId': { status: 403, message: 'The input parameter InstanceId that is mandatory for processing this request is not supplied.' },
  'InvalidParameter.ToManyInstanceIds': { status: 403, message: 'The count of InstanceId exceeds the upper limit of 100.' },
  'InvalidParameter.RenewalStatus': { status: 403, message: 'The specified parameter RenewalStatus is not valid.' },

  'InvalidRouteTableId.NotFound': { status: 404, message: 'The specified route table does not exist.' },
  'InvalidRouteTableName.Malformed': { status: 400, message: 'The specified RouteTableName is not valid.' },

  // --- Proxy mode (cloud/http/proxy-request.ts) -----------------------------
  /** Ours: a proxied request for a host that is not an Alibaba Cloud API; the cloud serves nothing else. */
  'Forbidden.ProxyHost': { status: 403, message: 'This endpoint proxies only Alibaba Cloud API hosts (*.aliyuncs.com), not {0}.' },
} as const satisfies Readonly<Record<string, ErrorDefinition>>;

/** A code of the catalogue: a misspelt code does not compile. */
export type ErrorCode = keyof typeof CATALOGUE;

export class EcsError extends Error {
  readonly code: ErrorCode;
  readonly status: number;

  constructor(code: ErrorCode, ...args: string[]) {
    const definition: ErrorDefinition = CATALOGUE[code];
    super(definition.message.replace(/\{(\d+)\}/g, (_, index: string) => args[Number(index)] ?? ''));
    this.name = 'EcsError';
    this.code = code;
    this.status = definition.status;
  }

  static missingParameter(name: string): EcsError {
    return new EcsError('MissingParameter', name);
  }

  /** `InvalidParameter` naming the parameter, or a specific code from the catalogue. */
  static invalidParameter(name: string, code?: ErrorCode): EcsError {
    return code === undefined ? new EcsError('InvalidParameter', name) : new EcsError(code, name);
  }
}

/** Whether `code` is in the catalogue (own keys only: `toString` is not an error code). */
export function isKnownErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(CATALOGUE, code);
}
