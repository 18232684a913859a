import { startOptions } from '@/src/views/options/page';

void startOptions();
