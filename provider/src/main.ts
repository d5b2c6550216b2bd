import { serve } from './framework';
import { mercatoProvider } from './provider';

serve(mercatoProvider);
