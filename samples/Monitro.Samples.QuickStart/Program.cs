Console.WriteLine("Monitro quick start");
