import { requestFirstScreenEarly } from '@/components/sidebar/first-screen';

requestFirstScreenEarly();
