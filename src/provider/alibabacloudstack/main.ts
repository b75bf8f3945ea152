/**
 * The `terraform-provider-alibabacloudstack` process (bin/terraform-provider-alibabacloudstack
 * imports the compiled file). Nothing else may run here: stdout belongs to the handshake line.
 */
import { FrameworkProvider } from '../framework/index.js';
import { serve } from '../plugin/index.js';
import { alibabacloudStackProvider } from './provider.js';

await serve(new FrameworkProvider(alibabacloudStackProvider()), { name: 'alibabacloudstack' });
