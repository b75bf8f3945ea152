/**
 * The `terraform-provider-alicloud` process (bin/terraform-provider-alicloud imports the
 * compiled file). Nothing else may run here: stdout belongs to the handshake line.
 */
import { FrameworkProvider } from '../framework/index.js';
import { serve } from '../plugin/index.js';
import { alicloudProvider } from './provider.js';

await serve(new FrameworkProvider(alicloudProvider()), { name: 'alicloud' });
