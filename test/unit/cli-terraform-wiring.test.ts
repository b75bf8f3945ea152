import { describe, expect, it } from 'vitest';
import { cliConfigText, terraformEnv } from '../../src/cli/terraform-wiring.js';

describe('terraform wiring', () => {
  it('overrides every provider address we serve, dev_overrides first, then direct', () => {
    const text = cliConfigText('/opt/ecs image/bin');
    expect(text).toBe(
      [
        'provider_installation {',
        '  dev_overrides {',
        '    "aliyun/alicloud" = "/opt/ecs image/bin"',
        '    "hashicorp/alicloud" = "/opt/ecs image/bin"',
        '    "aliyun/alibabacloudstack" = "/opt/ecs image/bin"',
        '  }',
        '  direct {}',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('quotes the directory, and refuses a "$" (terraform expands it from the environment, with no escape)', () => {
    expect(cliConfigText('/tmp/"q"\\d')).toContain('= "/tmp/\\"q\\"\\\\d"');
    expect(() => cliConfigText('/tmp/${HOME}/bin')).toThrow(/contains "\$"/);
  });

  it('points both flavours at the cloud, keeping the scheme of its URL', () => {
    const env = terraformEnv({
      providerDir: '/repo/bin',
      cliConfigPath: '/tmp/ws/cli.tfrc',
      cloud: { url: 'http://127.0.0.1:8787/', accessKeyId: 'AK', accessKeySecret: 'SK', regionId: 'cn-hangzhou' },
    });
    expect(env).toEqual({
      TF_CLI_CONFIG_FILE: '/tmp/ws/cli.tfrc',
      CHECKPOINT_DISABLE: '1',
      ALICLOUD_ACCESS_KEY: 'AK',
      ALICLOUD_SECRET_KEY: 'SK',
      ALICLOUD_REGION: 'cn-hangzhou',
      ALIBABA_CLOUD_ENDPOINT_ECS: 'http://127.0.0.1:8787',
      ALIBABA_CLOUD_ENDPOINT_VPC: 'http://127.0.0.1:8787',
      ALIBABA_CLOUD_ENDPOINT_RESOURCEMANAGER: 'http://127.0.0.1:8787',
      ALIBABACLOUDSTACK_ACCESS_KEY: 'AK',
      ALIBABACLOUDSTACK_SECRET_KEY: 'SK',
      ALIBABACLOUDSTACK_REGION: 'cn-hangzhou',
      ALIBABACLOUDSTACK_DOMAIN: '127.0.0.1:8787',
      ALIBABACLOUDSTACK_PROTOCOL: 'HTTP',
    });
  });

  it('treats a bare host as HTTPS and passes a security token to both flavours', () => {
    const env = terraformEnv({
      providerDir: '/repo/bin',
      cliConfigPath: '/c',
      cloud: { url: 'ecs.example.com', accessKeyId: 'AK', accessKeySecret: 'SK', regionId: 'r', securityToken: 'TOKEN' },
    });
    expect(env['ALIBABA_CLOUD_ENDPOINT_ECS']).toBe('https://ecs.example.com');
    expect(env['ALIBABACLOUDSTACK_PROTOCOL']).toBe('HTTPS');
    expect(env['ALICLOUD_SECURITY_TOKEN']).toBe('TOKEN');
    expect(env['ALIBABACLOUDSTACK_SECURITY_TOKEN']).toBe('TOKEN');
  });

  it('refuses a URL with a path', () => {
    expect(() =>
      terraformEnv({ providerDir: '/b', cliConfigPath: '/c', cloud: { url: 'http://h:1/asapi/v3', accessKeyId: 'a', accessKeySecret: 'b', regionId: 'r' } }),
    ).toThrow(/host\[:port\]/);
  });
});
