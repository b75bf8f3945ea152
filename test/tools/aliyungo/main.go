// A program written the way aliyungo's users write them, built by the test from Debian's
// aliyungo sources (GO111MODULE=off): it makes a VPC, a vSwitch and a security group with the
// ECS-versioned actions, launches an instance and waits with aliyungo's own instance waiter
// (DescribeInstanceAttribute), images it, waits with the image waiter and tags the image with
// the legacy AddTags. It reaches the cloud the way such a program reaches Alibaba Cloud: an
// aliyuncs.com endpoint, here through HTTP_PROXY as `ecs-image env --proxy` sets it. It prints
// the ids as JSON for the test.
package main

import (
	"encoding/json"
	"fmt"
	"os"

	"github.com/denverdino/aliyungo/common"
	"github.com/denverdino/aliyungo/ecs"
)

func check(step string, err error) {
	if err != nil {
		fmt.Fprintf(os.Stderr, "%s: %v\n", step, err)
		os.Exit(1)
	}
}

func main() {
	region := common.Region(os.Getenv("ALICLOUD_REGION"))
	zone := os.Getenv("ZONE_ID")
	// ECS_ENDPOINT and CUSTOMIZED_ENDPOINT come from `ecs-image env --proxy`.
	client := ecs.NewECSClient(os.Getenv("ALICLOUD_ACCESS_KEY"), os.Getenv("ALICLOUD_SECRET_KEY"), region)

	vpc, err := client.CreateVpc(&ecs.CreateVpcArgs{RegionId: region, CidrBlock: "172.16.0.0/16", VpcName: "go-vpc"})
	check("CreateVpc", err)
	check("WaitForVpcAvailable", client.WaitForVpcAvailable(region, vpc.VpcId, 60))
	vswitchId, err := client.CreateVSwitch(&ecs.CreateVSwitchArgs{ZoneId: zone, CidrBlock: "172.16.1.0/24", VpcId: vpc.VpcId, VSwitchName: "go-vsw"})
	check("CreateVSwitch", err)
	check("WaitForVSwitchAvailable", client.WaitForVSwitchAvailable(vpc.VpcId, vswitchId, 60))
	groupId, err := client.CreateSecurityGroup(&ecs.CreateSecurityGroupArgs{RegionId: region, VpcId: vpc.VpcId, SecurityGroupName: "go-sg"})
	check("CreateSecurityGroup", err)

	instanceId, err := client.CreateInstance(&ecs.CreateInstanceArgs{
		RegionId:        region,
		ZoneId:          zone,
		ImageId:         os.Getenv("IMAGE_ID"),
		InstanceType:    os.Getenv("INSTANCE_TYPE"),
		SecurityGroupId: groupId,
		VSwitchId:       vswitchId,
		InstanceName:    "go-builder",
		UserData:        "#!/bin/sh\necho built by aliyungo\n",
	})
	check("CreateInstance", err)
	check("StartInstance", client.StartInstance(instanceId))
	check("WaitForInstance Running", client.WaitForInstance(instanceId, ecs.Running, 120))
	check("StopInstance", client.StopInstance(instanceId, false))
	check("WaitForInstance Stopped", client.WaitForInstance(instanceId, ecs.Stopped, 120))

	imageId, err := client.CreateImage(&ecs.CreateImageArgs{RegionId: region, InstanceId: instanceId, ImageName: "go-built-image", Description: "made by aliyungo"})
	check("CreateImage", err)
	check("WaitForImageReady", client.WaitForImageReady(region, imageId, 120))
	check("AddTags", client.AddTags(&ecs.AddTagsArgs{
		RegionId:     region,
		ResourceId:   imageId,
		ResourceType: ecs.TagResourceImage,
		Tag:          map[string]string{"built-by": "aliyungo", "stage": "test"},
	}))

	check("print", json.NewEncoder(os.Stdout).Encode(map[string]string{
		"vpcId": vpc.VpcId, "vSwitchId": vswitchId, "securityGroupId": groupId, "instanceId": instanceId, "imageId": imageId,
	}))
}
