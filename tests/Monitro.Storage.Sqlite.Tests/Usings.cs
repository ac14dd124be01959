global using Model = Monitro.Storage.Testing.ContractModel;
global using Monitro.Storage.Testing.Delivery;
